-- Reference data: 40 riders with deterministic ids (md5 of 'banyan:rider:<n>'), so every database has the same fleet.
insert into delivery.rider (id, name, phone, vehicle, created_at)
select md5('banyan:rider:' || n)::uuid,
       (array ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'])[1 + n % 10]
           || (array ['민준', '서연', '도윤', '하은', '시우', '지유', '주원', '서준', '예준', '수아'])[1 + (3 * n + n / 10) % 10],
       '010-' || lpad(((n * 7919 + 1234) % 10000)::text, 4, '0') || '-' || lpad(((n * 104729 + 77) % 10000)::text, 4, '0'),
       (array ['오토바이', '전기자전거', '자전거', '도보'])[1 + n % 4],
       timestamptz '2024-01-01 00:00:00+09'
from generate_series(0, 39) as n;
