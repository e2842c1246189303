-- Idempotency keys belong to the customer who sent them: the same key from two customers names two requests.
-- The order id is random and remembered with the key, so a retry reaches the same order (and the same provider keys)
-- without the id being computable from the key.
create table ordering.order_request (
    customer_id         uuid        not null,
    idempotency_key     text        not null,
    order_id            uuid        not null unique,
    request_fingerprint text        not null,
    created_at          timestamptz not null,
    primary key (customer_id, idempotency_key)
);
insert into ordering.order_request (customer_id, idempotency_key, order_id, request_fingerprint, created_at)
select customer_id, idempotency_key, id, coalesce(request_fingerprint, ''), placed_at
from ordering.customer_order where idempotency_key is not null;

alter table ordering.customer_order drop constraint customer_order_idempotency_key_key;
create unique index customer_order_customer_idempotency_key_idx on ordering.customer_order (customer_id, idempotency_key);
