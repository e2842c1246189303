-- Delivery context: riders and deliveries (one per accepted order).
create table delivery.rider (
    id         uuid primary key,
    name       text        not null,
    phone      text        not null,
    vehicle    text        not null,
    created_at timestamptz not null
);

create table delivery.delivery (
    id               uuid primary key,
    order_id         uuid        not null unique, -- ordering.customer_order(id), by id only
    rider_id         uuid references delivery.rider (id) deferrable initially deferred,
    restaurant_id    uuid,
    pickup_address   text,
    drop_off_address text,
    status           text        not null, -- ASSIGNED | PICKED_UP | DELIVERED | CANCELLED
    assigned_at      timestamptz,
    picked_up_at     timestamptz,
    delivered_at     timestamptz,
    cancelled_at     timestamptz,
    version          bigint      not null
);
create index delivery_rider_status_idx on delivery.delivery (rider_id, status);
