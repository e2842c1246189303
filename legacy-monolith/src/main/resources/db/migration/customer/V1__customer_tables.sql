-- Customer context: accounts and delivery addresses.
create table customer.customer (
    id         uuid primary key,
    name       text        not null,
    email      text        not null,
    phone      text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null
);
create unique index customer_email_idx on customer.customer (lower(email));

create table customer.delivery_address (
    id          uuid primary key,
    customer_id uuid not null references customer.customer (id) deferrable initially deferred,
    label       text not null, -- 집, 회사, ...
    address     text not null,
    position    int  not null  -- 0 is the default address
);
create index delivery_address_customer_idx on customer.delivery_address (customer_id, position);
