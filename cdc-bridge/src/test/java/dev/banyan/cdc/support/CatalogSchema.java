package dev.banyan.cdc.support;

/** The catalog contract's tables: the monolith's schema {@code catalog} and the service's schema {@code public}. */
public final class CatalogSchema {

    private CatalogSchema() {}

    public static final String MONOLITH = """
            create schema if not exists catalog;
            create table catalog.category (code text primary key, name text not null, sort_order int not null);
            create table catalog.restaurant (
              id uuid primary key,
              name text not null,
              category_code text not null references catalog.category(code) deferrable initially deferred,
              phone text,
              address text not null,
              minimum_order_amount bigint not null,
              delivery_fee bigint not null,
              status text not null,
              created_at timestamptz not null,
              updated_at timestamptz not null,
              version bigint not null);
            create table catalog.opening_hours (
              restaurant_id uuid not null references catalog.restaurant(id) deferrable initially deferred,
              day_of_week smallint not null,
              opens_at time not null, closes_at time not null,
              primary key (restaurant_id, day_of_week));
            create table catalog.menu_item (
              id uuid primary key,
              restaurant_id uuid not null references catalog.restaurant(id) deferrable initially deferred,
              name text not null, description text,
              price bigint not null check (price >= 0),
              available boolean not null,
              created_at timestamptz not null, updated_at timestamptz not null, version bigint not null);
            create index on catalog.menu_item (restaurant_id);
            """;

    public static final String SERVICE = """
            create table public.category (code text primary key, name text not null, sort_order int not null);
            create table public.restaurant (
              id uuid primary key,
              name text not null,
              category_code text not null references public.category(code) deferrable initially deferred,
              phone_number text,
              address text not null,
              minimum_order_amount bigint not null,
              delivery_fee bigint not null,
              status text not null,
              created_at timestamptz not null,
              updated_at timestamptz not null,
              version bigint not null);
            create table public.opening_hours (
              restaurant_id uuid not null references public.restaurant(id) deferrable initially deferred,
              day_of_week smallint not null,
              opens_at time not null, closes_at time not null,
              primary key (restaurant_id, day_of_week));
            create table public.menu_item (
              id uuid primary key,
              restaurant_id uuid not null references public.restaurant(id) deferrable initially deferred,
              name text not null, description text,
              price_krw bigint not null check (price_krw >= 0),
              available boolean not null,
              created_at timestamptz not null, updated_at timestamptz not null, version bigint not null);
            create index on public.menu_item (restaurant_id);
            """;

    /** The catalog-forward tables block of a pipeline config, for the four contract tables. */
    public static final String FORWARD_TABLES = """
                tables:
                  - { from: catalog.category, to: public.category, key: [code] }
                  - { from: catalog.restaurant, to: public.restaurant, key: [id], columns: { phone: phone_number }, version-column: updated_at }
                  - { from: catalog.opening_hours, to: public.opening_hours, key: [restaurant_id, day_of_week] }
                  - { from: catalog.menu_item, to: public.menu_item, key: [id], columns: { price: price_krw }, version-column: updated_at }
            """;

    public static final String REVERSE_TABLES = """
                tables:
                  - { from: public.category, to: catalog.category, key: [code] }
                  - { from: public.restaurant, to: catalog.restaurant, key: [id], columns: { phone_number: phone }, version-column: updated_at }
                  - { from: public.opening_hours, to: catalog.opening_hours, key: [restaurant_id, day_of_week] }
                  - { from: public.menu_item, to: catalog.menu_item, key: [id], columns: { price_krw: price }, version-column: updated_at }
            """;
}
