-- A payment whose committed state (captured, voided, refunded) the provider has not confirmed yet. The decision is
-- committed before the provider is called; this flag makes a crash or provider failure in between recoverable.
alter table payment.payment add column settlement_pending boolean not null default false;
create index payment_settlement_pending_idx on payment.payment (updated_at) where settlement_pending;
