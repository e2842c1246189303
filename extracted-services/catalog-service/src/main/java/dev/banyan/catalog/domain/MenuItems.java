package dev.banyan.catalog.domain;

import java.util.Optional;

/** All menu items of all restaurants. */
public interface MenuItems {

    Optional<MenuItem> findById(MenuItemId id);

    void add(MenuItem item);

    /**
     * Stores the changed price and availability of an item loaded before.
     *
     * @throws ConcurrentModificationException when someone else changed the item in between
     */
    void update(MenuItem item);

    class ConcurrentModificationException extends RuntimeException {
        public ConcurrentModificationException(MenuItemId id, long version) {
            super("Menu item " + id + " was changed concurrently (expected version " + version + ")");
        }
    }
}
