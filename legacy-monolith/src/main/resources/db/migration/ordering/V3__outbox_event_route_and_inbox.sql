-- Events that leave the monolith (issue 13): written in the transaction that changes the order, published to Kafka
-- by the cdc-bridge's outbox pipeline (Debezium's outbox event router), which also prunes the table.
-- Layout fixed by event-contracts/README.md.
create table ordering.outbox (
    id            uuid        primary key, -- event id       -> header "id"
    aggregatetype text        not null,    -- "order"        -> topic banyan.order.events
    aggregateid   text        not null,    -- the order id   -> record key
    type          text        not null,    -- event type     -> header "eventType"
    version       int         not null,    -- schema version -> header "eventVersion"
    handler       text,                    -- order events   -> header "handler"
    payload       jsonb       not null,    -- record value
    occurred_at   timestamptz not null     -- record timestamp
);

-- The event route "delivery": who handles the delivery of an order accepted now. Acceptances read it with
-- "for share", the switch updates it, so an acceptance and a switch never overlap.
create table ordering.event_route (
    name       text primary key,
    stage      text        not null check (stage in ('LEGACY', 'SHADOW', 'MIGRATED')),
    changed_at timestamptz not null
);
insert into ordering.event_route (name, stage, changed_at) values ('delivery', 'LEGACY', now());

-- Stamped once, at acceptance, from the event route's stage; null while the order has not been accepted.
-- Orders accepted before this migration were handled by the monolith.
alter table ordering.customer_order
    add column delivery_handler text check (delivery_handler in ('monolith', 'delivery-service'));
update ordering.customer_order set delivery_handler = 'monolith' where status <> 'PLACED';

-- Delivery events already applied (consumer of banyan.delivery.events): a redelivered event id inserts nothing.
create table ordering.inbox (
    message_id  uuid primary key,
    type        text        not null,
    received_at timestamptz not null
);
