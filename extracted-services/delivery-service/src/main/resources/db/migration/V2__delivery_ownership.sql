-- Ownership (421 -> legacy): true only for deliveries this service created itself from an event with
-- handler=delivery-service. Rows backfilled from the monolith by a table pipeline never set it (the monolith has no
-- such column), so they stay the monolith's until final.
alter table delivery add column owned boolean not null default false;
