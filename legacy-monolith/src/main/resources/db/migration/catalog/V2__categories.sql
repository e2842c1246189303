-- Reference data: the categories a Korean delivery app shows on its home screen.
insert into catalog.category (code, name, sort_order) values
    ('chicken',  '치킨',           1),
    ('pizza',    '피자',           2),
    ('korean',   '한식',           3),
    ('bunsik',   '분식',           4),
    ('chinese',  '중식',           5),
    ('japanese', '돈까스·회·일식', 6),
    ('jokbal',   '족발·보쌈',      7),
    ('fastfood', '패스트푸드',     8),
    ('cafe',     '카페·디저트',    9),
    ('asian',    '아시안',         10);
