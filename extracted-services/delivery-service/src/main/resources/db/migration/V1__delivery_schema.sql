-- The delivery context's own database. rider and delivery have the monolith's column layout (delivery.rider,
-- delivery.delivery: same names, types and constraints), so a CDC table pipeline can copy the monolith's rows
-- one to one.
create table rider (
    id         uuid primary key,
    name       text        not null,
    phone      text        not null,
    vehicle    text        not null,
    created_at timestamptz not null
);

create table delivery (
    id               uuid primary key,
    order_id         uuid        not null unique, -- the monolith's order, by id only
    rider_id         uuid references rider (id) deferrable initially deferred,
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
create index delivery_rider_status_idx on delivery (rider_id, status);

-- The same 40 riders as the monolith, with the same deterministic ids (md5 of 'banyan:rider:<n>').
insert into rider (id, name, phone, vehicle, created_at)
select md5('banyan:rider:' || n)::uuid,
       (array ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'])[1 + n % 10]
           || (array ['민준', '서연', '도윤', '하은', '시우', '지유', '주원', '서준', '예준', '수아'])[1 + (3 * n + n / 10) % 10],
       '010-' || lpad(((n * 7919 + 1234) % 10000)::text, 4, '0') || '-' || lpad(((n * 104729 + 77) % 10000)::text, 4, '0'),
       (array ['오토바이', '전기자전거', '자전거', '도보'])[1 + n % 4],
       timestamptz '2024-01-01 00:00:00+09'
from generate_series(0, 39) as n;

-- Delivery events, written in the transaction that changes a delivery; the cdc-bridge's outbox pipeline publishes
-- them to banyan.delivery.events (layout of Debezium's outbox event router, see event-contracts).
create table outbox (
    id            uuid        primary key,
    aggregatetype text        not null,
    aggregateid   text        not null,
    type          text        not null,
    version       int         not null,
    handler       text,
    payload       jsonb       not null,
    occurred_at   timestamptz not null
);

-- Ids of the order events already handled, inserted in the handler's transaction: a redelivered event finds its
-- id here and changes nothing.
create table inbox (
    message_id  uuid primary key,
    type        text        not null,
    received_at timestamptz not null
);

-- What the service would have done with an order the monolith handles (stage SHADOW); nothing else changes.
create table shadow_decision (
    message_id uuid primary key,
    order_id   uuid        not null,
    decision   text        not null, -- ASSIGN | CANCEL | REFUSE
    rider_id   uuid,
    reason     text,
    decided_at timestamptz not null
);
create index shadow_decision_order_idx on shadow_decision (order_id);
