-- Synthetic portfolio for the portfolio-and-money benchmark, on top of programming-data.sql (offices,
-- 190 countries with DWCPs and CPOs): 20 funding partners and agreements, 20,000 projects, allocations
-- for 2023–2025 in 3 currencies, and 2,000,000 expenditure and commitment lines.
-- Generated in SQL so that loading is not what is measured. Ids are md5-derived, so reruns match.
insert into partners (id, code, name, partner_type, is_synthetic)
select md5('pa' || p)::uuid, 'B-PA-' || p, 'Partner ' || p, (array['government', 'eu', 'ifi', 'pooled_fund', 'foundation'])[1 + p % 5], true
from generate_series(1, 20) p;

insert into agreements (id, code, title, partner_id, period_start, period_end, earmarking, funding_source, currency, is_synthetic)
select md5('ag' || p)::uuid, 'B-AG-' || p, 'Agreement ' || p, md5('pa' || p)::uuid, '2023-01-01', '2027-12-31',
       (array['unearmarked', 'softly_earmarked', 'tightly_earmarked'])[1 + p % 3], case when p % 3 = 0 then 'RBSA' else 'XBDC' end, 'USD', true
from generate_series(1, 20) p;

insert into exchange_rates (currency, month, per_usd, source)
select c, make_date(2023 + m / 12, 1 + m % 12, 1), case c when 'EUR' then 0.92 + (m % 7) / 100.0 else 0.88 + (m % 5) / 100.0 end, 'Benchmark rates'
from unnest(array['EUR', 'CHF']) c, generate_series(0, 35) m;

create temp table bench_offices as
select id, country_code, (row_number() over (order by code))::int as n from offices where office_type = 'country_office';

insert into projects (id, code, title, place, country_code, office_id, funding_source, planned_start, planned_end, actual_start,
                      status, probability, is_synthetic)
select md5('pj' || i)::uuid, 'B/' || lpad(i::text, 5, '0'), 'Benchmark project ' || i, 'country', o.country_code, o.id,
       (array['XBDC', 'XBDC', 'XBDC', 'RBSA', 'RB'])[1 + i % 5], '2023-01-01', '2026-12-31',
       case when i % 10 >= 2 then date '2023-01-01' end,
       case when i % 10 = 0 then 'pipeline' when i % 10 = 1 then 'appraisal' when i % 10 = 9 then 'closed' else 'active' end,
       case when i % 10 < 2 then 50 end, true
from generate_series(1, 20000) i
join bench_offices o on o.n = 1 + i % (select count(*) from bench_offices);

insert into project_partners (project_id, partner_id, role)
select md5('pj' || i)::uuid, md5('pa' || (1 + i % 20))::uuid, 'funding' from generate_series(1, 20000) i where i % 5 <> 4;

insert into project_agreements (project_id, agreement_id)
select md5('pj' || i)::uuid, md5('ag' || (1 + i % 20))::uuid from generate_series(1, 20000) i where i % 5 <> 4;

-- About 60% of projects link to a CPO of their country's current DWCP.
insert into project_cpo_links (project_id, cpo_id, share)
select p.id, c.id, (array[50, 80, 100])[1 + abs(hashtext(p.code)) % 3]
from projects p
join lateral (
  select cpos.id from cpos join dwcps d on d.id = cpos.dwcp_id
  where d.country_code = p.country_code and d.period_start = '2023-01-01' order by cpos.code limit 1
) c on true
where p.code like 'B/%' and abs(hashtext(p.code)) % 10 < 6;

insert into allocations (project_id, year, amount, currency, source)
select md5('pj' || i)::uuid, y, 100000 + (i % 97) * 10000, (array['USD', 'EUR', 'CHF'])[1 + i % 3], 'Benchmark'
from generate_series(1, 20000) i, generate_series(2023, 2025) y;

insert into resource_needs (cpo_id, year_from, year_to, currency, needed, available_at_identification, identified_on, is_synthetic)
select distinct on (l.cpo_id) l.cpo_id, 2024, 2025, 'USD', 5000000, 1000000, '2023-11-30', true from project_cpo_links l;

-- 125 lines per approved, active or closed project (16,000 of them: 2,000,000 lines): 100 of expenditure over
-- 36 months, then 25 commitments, in the
-- allocation's currency. Pipeline projects have none.
insert into financial_lines (project_id, kind, period, amount, currency, source_ref)
select md5('pj' || i)::uuid, case when k < 100 then 'expenditure' else 'commitment' end,
       make_date(2023 + (k % 36) / 12, 1 + k % 12, 1), round((2000 + (i * 7 + k * 13) % 5000)::numeric, 2),
       (array['USD', 'EUR', 'CHF'])[1 + i % 3], 'B-' || i || '-' || k
from generate_series(1, 20000) i, generate_series(0, 124) k
where i % 10 >= 2;

analyze;
