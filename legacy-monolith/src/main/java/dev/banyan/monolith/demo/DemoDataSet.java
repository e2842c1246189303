package dev.banyan.monolith.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.banyan.monolith.catalog.CatalogImport.ImportedHours;
import dev.banyan.monolith.catalog.CatalogImport.ImportedMenuItem;
import dev.banyan.monolith.catalog.CatalogImport.ImportedRestaurant;
import dev.banyan.monolith.customer.CustomerImport.ImportedAddress;
import dev.banyan.monolith.customer.CustomerImport.ImportedCustomer;
import dev.banyan.monolith.delivery.DeliveryImport.ImportedDelivery;
import dev.banyan.monolith.ordering.OrderImport.ImportedLine;
import dev.banyan.monolith.ordering.OrderImport.ImportedOrder;
import dev.banyan.monolith.payment.PaymentImport.ImportedPayment;
import dev.banyan.monolith.shared.Ids;

import static dev.banyan.monolith.demo.DemoVocabulary.APARTMENTS;
import static dev.banyan.monolith.demo.DemoVocabulary.CATEGORIES;
import static dev.banyan.monolith.demo.DemoVocabulary.CORES;
import static dev.banyan.monolith.demo.DemoVocabulary.DISTRICTS;
import static dev.banyan.monolith.demo.DemoVocabulary.GIVEN;
import static dev.banyan.monolith.demo.DemoVocabulary.GU;
import static dev.banyan.monolith.demo.DemoVocabulary.MENUS;
import static dev.banyan.monolith.demo.DemoVocabulary.PREFIXES;
import static dev.banyan.monolith.demo.DemoVocabulary.SURNAMES;

/**
 * The demo data set, generated from fixed word tables ({@link DemoVocabulary}) and seeded random numbers: every run
 * produces exactly the same rows. Ids are name-based UUIDs of {@code banyan-demo:<kind>:<n>}, so demo order 42 has the
 * same id everywhere. Historical order {@code n} depends only on {@code n}, so a larger order count extends the same data set.
 */
final class DemoDataSet {

    static final int RESTAURANTS_PER_CATEGORY = 24;
    static final int CUSTOMERS = 1200;
    static final Instant CATALOG_CREATED = Instant.parse("2024-03-01T00:00:00Z");
    static final Instant LATEST_ORDER = Instant.parse("2026-06-01T11:00:00Z");

    private DemoDataSet() {}

    static UUID id(String kind, int n) {
        return Ids.named("banyan-demo:" + kind + ":" + n);
    }

    static int restaurantCount() {
        return CATEGORIES.length * RESTAURANTS_PER_CATEGORY;
    }

    static List<ImportedRestaurant> restaurants() {
        List<ImportedRestaurant> restaurants = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.length; c++) {
            for (int k = 0; k < RESTAURANTS_PER_CATEGORY; k++) {
                restaurants.add(restaurant(c, k));
            }
        }
        return restaurants;
    }

    private static ImportedRestaurant restaurant(int category, int k) {
        int n = category * RESTAURANTS_PER_CATEGORY + k;
        Random random = new Random(1_000L + n);
        String[] cores = CORES[category];
        String name = PREFIXES[(k * 5 + category) % PREFIXES.length] + cores[k % cores.length] + " "
                + DISTRICTS[(k * 7 + category * 3) % DISTRICTS.length] + "점";
        int district = (k * 7 + category * 3) % GU.length;
        String address = "서울특별시 " + GU[district] + " " + (10 + random.nextInt(190));
        if (GU[district].contains("광역시") || GU[district].contains("시 ")) {
            address = (GU[district].contains("광역시") ? "" : "경기도 ") + GU[district] + " " + (10 + random.nextInt(190));
        }
        String phone = (district < 13 ? "02-" : "031-") + (200 + random.nextInt(800)) + "-"
                + String.format("%04d", random.nextInt(10000));
        long minimum = 10_000 + 1_000L * random.nextInt(9);
        long fee = 500L * random.nextInt(9);
        String status = n % 25 == 24 ? "CLOSED" : "OPEN";
        List<ImportedHours> hours = hours(category, k);
        List<ImportedMenuItem> menu = new ArrayList<>();
        Object[][] dishes = MENUS[category];
        for (int d = 0; d < dishes.length; d++) {
            long price = (Integer) dishes[d][1] + 500L * random.nextInt(3);
            String description = switch (d % 4) {
                case 0 -> "사장님 추천 인기 메뉴";
                case 1 -> null;
                case 2 -> "국내산 재료로 매일 준비합니다";
                default -> "1인분 기준";
            };
            boolean available = random.nextInt(20) != 0;
            menu.add(new ImportedMenuItem(
                    id("menu-item", n * 100 + d), (String) dishes[d][0], description, price, available));
        }
        return new ImportedRestaurant(
                id("restaurant", n),
                name,
                CATEGORIES[category],
                phone,
                address,
                minimum,
                fee,
                status,
                CATALOG_CREATED.plus(Duration.ofHours(n)),
                hours,
                menu);
    }

    /** Every sixth restaurant is open around the clock, late-night categories run past midnight. */
    private static List<ImportedHours> hours(int category, int k) {
        List<ImportedHours> hours = new ArrayList<>();
        String code = CATEGORIES[category];
        for (int day = 1; day <= 7; day++) {
            if (k % 6 == 0) {
                hours.add(new ImportedHours(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
            } else if (code.equals("chicken") || code.equals("jokbal") || code.equals("pizza")) {
                hours.add(new ImportedHours(day, LocalTime.of(15, 0), LocalTime.of(2, 0)));
            } else if (code.equals("cafe")) {
                hours.add(new ImportedHours(day, LocalTime.of(8, 0), LocalTime.of(22, 0)));
            } else if (!(code.equals("korean") && day == 1 && k % 2 == 1)) {
                hours.add(new ImportedHours(day, LocalTime.of(10, 30), LocalTime.of(21, 30)));
            }
        }
        return hours;
    }

    static List<ImportedCustomer> customers() {
        List<ImportedCustomer> customers = new ArrayList<>();
        for (int n = 0; n < CUSTOMERS; n++) {
            customers.add(customer(n));
        }
        return customers;
    }

    static ImportedCustomer customer(int n) {
        Random random = new Random(50_000L + n);
        String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length + n) % GIVEN.length];
        List<ImportedAddress> addresses = new ArrayList<>();
        addresses.add(new ImportedAddress(id("address", n * 10), "집", homeAddress(random)));
        if (n % 3 == 0) {
            addresses.add(new ImportedAddress(
                    id("address", n * 10 + 1),
                    "회사",
                    "서울특별시 " + GU[random.nextInt(13)] + " " + (1 + random.nextInt(300)) + ", "
                            + (2 + random.nextInt(20)) + "층"));
        }
        String phone = "010-" + String.format("%04d", random.nextInt(10000)) + "-"
                + String.format("%04d", random.nextInt(10000));
        return new ImportedCustomer(
                id("customer", n),
                name,
                "customer" + n + "@banyan.example",
                phone,
                CATALOG_CREATED.plus(Duration.ofMinutes(37L * n)),
                addresses);
    }

    private static String homeAddress(Random random) {
        String gu = GU[random.nextInt(13)];
        return "서울특별시 " + gu + " " + (1 + random.nextInt(300)) + ", " + APARTMENTS[random.nextInt(APARTMENTS.length)]
                + " " + (101 + random.nextInt(15)) + "동 " + (1 + random.nextInt(25)) + "0" + (1 + random.nextInt(4))
                + "호";
    }

    /** Historical order {@code n}: delivered, paid, with its delivery. Depends only on {@code n}. */
    static HistoricalOrder order(int n, List<ImportedRestaurant> restaurants, List<UUID> riders) {
        Random random = new Random(900_000L + n);
        ImportedRestaurant restaurant;
        do {
            restaurant = restaurants.get(random.nextInt(restaurants.size()));
        } while (!"OPEN".equals(restaurant.status()));
        int customerNumber = random.nextInt(CUSTOMERS);
        ImportedCustomer customer = customer(customerNumber);
        String address = customer.addresses()
                .get(random.nextInt(customer.addresses().size()))
                .address();
        List<ImportedMenuItem> menu = restaurant.menu();
        List<ImportedLine> lines = new ArrayList<>();
        int lineCount = 1 + random.nextInt(3);
        long subtotal = 0;
        for (int i = 0; i < lineCount; i++) {
            ImportedMenuItem item = menu.get(random.nextInt(menu.size()));
            int quantity = 1 + random.nextInt(2);
            lines.add(new ImportedLine(item.id(), item.name(), item.price(), quantity));
            subtotal += item.price() * quantity;
        }
        if (subtotal < restaurant.minimumOrderAmount()) {
            ImportedLine first = lines.get(0);
            int quantity = (int) Math.min(
                    99,
                    (restaurant.minimumOrderAmount() - subtotal) / Math.max(1, first.unitPrice())
                            + 1
                            + first.quantity());
            lines.set(0, new ImportedLine(first.menuItemId(), first.name(), first.unitPrice(), quantity));
        }
        Instant placed = LATEST_ORDER.minus(Duration.ofMinutes(13L * n)).minusSeconds(random.nextInt(600));
        Instant accepted = placed.plusSeconds(60 + random.nextInt(240));
        Instant pickedUp = accepted.plusSeconds(900 + random.nextInt(900));
        Instant delivered = pickedUp.plusSeconds(600 + random.nextInt(900));
        UUID orderId = id("order", n);
        ImportedOrder order = new ImportedOrder(
                orderId,
                customer.id(),
                restaurant.id(),
                address,
                restaurant.deliveryFee(),
                lines,
                placed,
                accepted,
                pickedUp,
                delivered);
        ImportedPayment payment =
                new ImportedPayment(id("payment", n), orderId, customer.id(), order.total(), placed, delivered);
        ImportedDelivery delivery = new ImportedDelivery(
                id("delivery", n),
                orderId,
                riders.get(random.nextInt(riders.size())),
                restaurant.id(),
                restaurant.address(),
                address,
                accepted,
                pickedUp,
                delivered);
        return new HistoricalOrder(order, payment, delivery);
    }

    record HistoricalOrder(ImportedOrder order, ImportedPayment payment, ImportedDelivery delivery) {}
}
