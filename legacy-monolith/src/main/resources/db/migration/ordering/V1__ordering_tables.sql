-- Ordering context: orders and their lines. Customer, restaurant and menu items are referenced by id only
-- (they live in other schemas, so there are deliberately no foreign keys across contexts).
create table ordering.customer_order (
    id                  uuid primary key,
    customer_id         uuid        not null,
    restaurant_id       uuid        not null,
    delivery_address    text        not null,
    status              text        not null, -- PLACED | ACCEPTED | DELIVERED | CANCELLED
    subtotal            bigint      not null, -- KRW
    delivery_fee        bigint      not null, -- KRW
    total               bigint      not null, -- KRW
    idempotency_key     text unique,
    request_fingerprint text,
    placed_at           timestamptz not null,
    accepted_at         timestamptz,
    picked_up_at        timestamptz,
    delivered_at        timestamptz,
    cancelled_at        timestamptz,
    updated_at          timestamptz not null,
    version             bigint      not null
);
create index customer_order_customer_idx on ordering.customer_order (customer_id, placed_at);
create index customer_order_restaurant_idx on ordering.customer_order (restaurant_id, placed_at);

create table ordering.order_line (
    order_id     uuid   not null references ordering.customer_order (id) deferrable initially deferred,
    line_no      int    not null,
    menu_item_id uuid   not null,
    name         text   not null,
    unit_price   bigint not null, -- KRW, as priced when the order was placed
    quantity     int    not null check (quantity between 1 and 99),
    primary key (order_id, line_no)
);
