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

/**
 * The demo data set, generated from fixed tables and seeded random numbers: every run produces exactly the same
 * rows. Ids are name-based UUIDs of {@code banyan-demo:<kind>:<n>}, so demo order 42 has the same id everywhere.
 * Historical order {@code n} depends only on {@code n}, so a larger order count extends the same data set.
 */
final class DemoDataSet {

    static final int RESTAURANTS_PER_CATEGORY = 24;
    static final int CUSTOMERS = 1200;
    static final Instant CATALOG_CREATED = Instant.parse("2024-03-01T00:00:00Z");
    static final Instant LATEST_ORDER = Instant.parse("2026-06-01T11:00:00Z");

    private static final String[] CATEGORIES = {
        "chicken", "pizza", "korean", "bunsik", "chinese", "japanese", "jokbal", "fastfood", "cafe", "asian"
    };

    private static final String[][] CORES = {
        {"치킨", "통닭", "닭강정"},
        {"피자", "화덕피자"},
        {"한식당", "백반", "국밥", "찌개마을"},
        {"분식", "떡볶이", "김밥천국"},
        {"반점", "중화요리", "짬뽕"},
        {"돈까스", "스시", "우동", "라멘"},
        {"족발", "보쌈"},
        {"버거", "샌드위치"},
        {"카페", "베이커리", "디저트"},
        {"쌀국수", "타코", "커리"}
    };

    private static final String[] PREFIXES = {
        "행복한", "황금", "바삭", "옛날", "우리동네", "엄마손", "별빛", "소문난", "원조", "장인", "청춘", "달빛", "골목", "시골", "명품", "진짜"
    };

    private static final String[] DISTRICTS = {
        "강남", "서초", "마포", "홍대", "신촌", "잠실", "성수", "이태원", "종로", "여의도", "건대", "노원", "목동", "판교", "분당", "수원", "일산", "부평",
        "해운대", "서면"
    };

    private static final String[] GU = {
        "강남구 테헤란로",
        "서초구 서초대로",
        "마포구 양화로",
        "마포구 와우산로",
        "서대문구 연세로",
        "송파구 올림픽로",
        "성동구 성수이로",
        "용산구 이태원로",
        "종로구 종로",
        "영등포구 여의대로",
        "광진구 능동로",
        "노원구 동일로",
        "양천구 목동동로",
        "성남시 분당구 판교역로",
        "성남시 분당구 정자일로",
        "수원시 팔달구 정조로",
        "고양시 일산동구 중앙로",
        "인천광역시 부평구 부평대로",
        "부산광역시 해운대구 해운대로",
        "부산광역시 부산진구 서면로"
    };

    private static final Object[][][] MENUS = {
        {
            {"후라이드치킨", 19000},
            {"양념치킨", 20000},
            {"반반치킨", 20000},
            {"간장치킨", 21000},
            {"파닭", 21000},
            {"마늘치킨", 21000},
            {"순살후라이드", 21000},
            {"순살양념", 22000},
            {"치킨너겟", 8000},
            {"치즈볼", 5000},
            {"감자튀김", 4000},
            {"콘샐러드", 2500},
            {"치킨무", 500},
            {"콜라 1.25L", 2500},
            {"사이다 1.25L", 2500}
        },
        {
            {"페퍼로니 피자", 18900},
            {"불고기 피자", 21900},
            {"포테이토 피자", 21900},
            {"고구마 피자", 22900},
            {"슈퍼슈프림 피자", 23900},
            {"하와이안 피자", 20900},
            {"마르게리타 피자", 17900},
            {"치즈 크러스트 추가", 3000},
            {"갈릭 디핑소스", 500},
            {"핫소스", 300},
            {"치킨윙 6조각", 7900},
            {"스파게티", 8900},
            {"오븐 치즈 스틱", 5900},
            {"콜라 1.25L", 2500},
            {"피클", 500}
        },
        {
            {"김치찌개", 9000},
            {"된장찌개", 9000},
            {"순두부찌개", 9500},
            {"부대찌개", 11000},
            {"제육볶음", 10000},
            {"불고기 정식", 12000},
            {"비빔밥", 9000},
            {"돌솥비빔밥", 10000},
            {"갈비탕", 13000},
            {"육개장", 11000},
            {"순대국밥", 9500},
            {"돼지국밥", 9500},
            {"공기밥", 1000},
            {"계란말이", 7000},
            {"해물파전", 15000}
        },
        {
            {"떡볶이", 4500},
            {"치즈떡볶이", 6000},
            {"로제떡볶이", 7000},
            {"순대", 4500},
            {"모둠튀김", 5000},
            {"김밥", 3500},
            {"참치김밥", 4500},
            {"치즈김밥", 4500},
            {"라면", 4000},
            {"쫄면", 6000},
            {"우동", 5500},
            {"어묵탕", 5000},
            {"김말이", 3000},
            {"군만두", 4000},
            {"주먹밥", 2500}
        },
        {
            {"짜장면", 7000},
            {"간짜장", 8000},
            {"짬뽕", 8500},
            {"차돌짬뽕", 10500},
            {"볶음밥", 8000},
            {"잡채밥", 9000},
            {"마파두부밥", 9000},
            {"탕수육 소", 16000},
            {"탕수육 대", 23000},
            {"깐풍기", 22000},
            {"양장피", 25000},
            {"군만두", 6000},
            {"울면", 8000},
            {"짬뽕밥", 9000},
            {"유린기", 22000}
        },
        {
            {"로스카츠", 11000},
            {"히레카츠", 12000},
            {"치즈카츠", 12500},
            {"모둠초밥 12피스", 16000},
            {"연어초밥 10피스", 17000},
            {"광어초밥 10피스", 15000},
            {"사케동", 14000},
            {"규동", 10000},
            {"가츠동", 10000},
            {"냉모밀", 9000},
            {"튀김우동", 9000},
            {"돈코츠 라멘", 11000},
            {"미소 라멘", 10500},
            {"새우튀김 3마리", 6000},
            {"타코야끼", 6000}
        },
        {
            {"족발 중", 35000},
            {"족발 대", 42000},
            {"불족발", 38000},
            {"냉채족발", 39000},
            {"보쌈 중", 33000},
            {"보쌈 대", 40000},
            {"반반 족발보쌈", 43000},
            {"막국수", 8000},
            {"쟁반국수", 12000},
            {"주먹밥", 3000},
            {"부추전", 9000},
            {"김치말이국수", 7000},
            {"계란찜", 5000},
            {"순대", 9000},
            {"콜라 500ml", 2000}
        },
        {
            {"클래식 버거", 6900},
            {"치즈버거", 7500},
            {"더블 치즈버거", 9500},
            {"불고기 버거", 7200},
            {"새우 버거", 7400},
            {"치킨 버거", 7300},
            {"베이컨 버거", 8900},
            {"버거 세트", 9900},
            {"감자튀김 L", 3500},
            {"어니언링", 3800},
            {"치킨 텐더 4조각", 6500},
            {"핫도그", 4500},
            {"클럽 샌드위치", 7900},
            {"밀크쉐이크", 4200},
            {"콜라 M", 2200}
        },
        {
            {"아메리카노", 4000},
            {"카페라떼", 4800},
            {"바닐라라떼", 5300},
            {"카라멜 마끼아또", 5500},
            {"콜드브루", 5000},
            {"자몽 에이드", 5800},
            {"딸기 스무디", 6300},
            {"녹차 라떼", 5300},
            {"크루아상", 3800},
            {"소금빵", 3200},
            {"치즈케이크", 6500},
            {"티라미수", 6800},
            {"마카롱 3개", 7500},
            {"크로플", 6000},
            {"빙수", 11000}
        },
        {
            {"쌀국수", 10000},
            {"양지 쌀국수", 11500},
            {"분짜", 12000},
            {"반미", 7500},
            {"팟타이", 12000},
            {"나시고랭", 11000},
            {"똠얌꿍", 14000},
            {"그린커리", 13000},
            {"버터치킨 커리", 13500},
            {"난", 3000},
            {"비프 타코 2개", 9000},
            {"부리또", 10500},
            {"나초", 8000},
            {"월남쌈", 13000},
            {"망고 주스", 4500}
        }
    };

    private static final String[] SURNAMES = {
        "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"
    };

    private static final String[] GIVEN = {
        "민준", "서연", "도윤", "하은", "시우", "지유", "주원", "서준", "예준", "수아", "지호", "지민", "하준", "서윤", "은우", "채원", "유준", "지아",
        "건우", "다은", "현우", "소율", "우진", "예은", "선우", "윤서", "연우", "하린", "정우", "시아"
    };

    private static final String[] APARTMENTS = {"래미안", "자이", "푸르지오", "힐스테이트", "아이파크", "롯데캐슬", "e편한세상", "더샵"};

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
