-- The catalog-service's own schema (schema "public" of database "catalog").
-- Same shape as the monolith's catalog.* tables, with its own column names where the mapping should show
-- (restaurant.phone_number, menu_item.price_krw). The CDC bridge maps monolith rows onto these tables and applies a
-- batch in one transaction in any table order, hence every foreign key is DEFERRABLE INITIALLY DEFERRED.
-- Constraints mirror the monolith's exactly, so every row the monolith accepts can be copied over.

create table category (
    code       text primary key,
    name       text not null,
    sort_order int  not null
);

create table restaurant (
    id                   uuid primary key,
    name                 text   not null,
    category_code        text   not null references category (code) deferrable initially deferred,
    phone_number         text,
    address              text   not null,
    minimum_order_amount bigint not null, -- KRW
    delivery_fee         bigint not null, -- KRW
    status               text   not null, -- OPEN | CLOSED
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint not null
);

-- Lists sort by name in code-point order (collate "C"), then id; these indexes serve that order directly.
create index restaurant_by_name on restaurant (name collate "C", id);
create index restaurant_by_category_and_name on restaurant (category_code, name collate "C", id);

create table opening_hours (
    restaurant_id uuid     not null references restaurant (id) deferrable initially deferred,
    day_of_week   smallint not null, -- ISO: 1 = Monday ... 7 = Sunday
    opens_at      time     not null,
    closes_at     time     not null, -- before opens_at: closes after midnight
    primary key (restaurant_id, day_of_week)
);

create table menu_item (
    id            uuid primary key,
    restaurant_id uuid    not null references restaurant (id) deferrable initially deferred,
    name          text    not null,
    description   text,
    price_krw     bigint  not null check (price_krw >= 0),
    available     boolean not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint  not null
);

create index menu_item_by_restaurant on menu_item (restaurant_id, name collate "C", id);
