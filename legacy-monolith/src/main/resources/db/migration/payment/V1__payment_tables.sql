-- Payment context: one payment per order, and the fake provider's record of operations by idempotency key.
create table payment.payment (
    id                uuid primary key,
    order_id          uuid        not null unique,
    customer_id       uuid        not null,
    amount            bigint      not null check (amount > 0), -- KRW
    authorization_ref text        not null,
    status            text        not null, -- AUTHORIZED | CAPTURED | VOIDED | REFUNDED
    captured_amount   bigint      not null,
    refunded_amount   bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null
);

-- What the (fake) provider has done, keyed by the caller's idempotency key: a repeated key returns this row.
create table payment.provider_operation (
    idempotency_key text primary key,
    operation       text        not null, -- AUTHORIZE | CAPTURE | VOID | REFUND
    amount          bigint      not null,
    reference       text,
    approved        boolean     not null,
    decline_reason  text,
    created_at      timestamptz not null
);
