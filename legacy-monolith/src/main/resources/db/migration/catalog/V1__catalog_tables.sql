-- Catalog context: restaurants, categories, opening hours and menu items.
-- Every foreign key is DEFERRABLE INITIALLY DEFERRED so a CDC consumer can apply a batch in any table order.
create table catalog.category (
    code       text primary key,
    name       text not null,
    sort_order int  not null
);

create table catalog.restaurant (
    id                   uuid primary key,
    name                 text        not null,
    category_code        text        not null references catalog.category (code) deferrable initially deferred,
    phone                text,
    address              text        not null,
    minimum_order_amount bigint      not null, -- KRW
    delivery_fee         bigint      not null, -- KRW
    status               text        not null, -- OPEN | CLOSED
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null
);

create table catalog.opening_hours (
    restaurant_id uuid     not null references catalog.restaurant (id) deferrable initially deferred,
    day_of_week   smallint not null, -- 1 = Monday ... 7 = Sunday (ISO)
    opens_at      time     not null,
    closes_at     time     not null, -- closes_at < opens_at means past midnight
    primary key (restaurant_id, day_of_week)
);

create table catalog.menu_item (
    id            uuid primary key,
    restaurant_id uuid        not null references catalog.restaurant (id) deferrable initially deferred,
    name          text        not null,
    description   text,
    price         bigint      not null check (price >= 0), -- KRW
    available     boolean     not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null
);

create index restaurant_category_name_idx on catalog.restaurant (category_code, name collate "C", id);
create index restaurant_name_idx on catalog.restaurant (name collate "C", id);
create index menu_item_restaurant_idx on catalog.menu_item (restaurant_id, name collate "C", id);
