-- Synthetic portfolio for the country-programming benchmark: 190 countries × 3 CF cycles × 30 outcomes
-- × 5 indicators × 10 periods, with 3 DWCPs per country (5 priorities, 10 CPOs each) and 5 milestones per
-- country. Generated in SQL so that loading is not what is measured. Ids are md5-derived, so reruns match.
insert into offices (id, code, name, office_type, parent_id, path, is_synthetic)
values (md5('hq')::uuid, 'B-HQ', 'Headquarters', 'headquarters', null, '/' || md5('hq')::uuid || '/', true);

insert into offices (id, code, name, office_type, parent_id, path, is_synthetic)
select md5('ro' || r)::uuid, 'B-RO-' || r, 'Regional office ' || r, 'regional_office', md5('hq')::uuid,
       '/' || md5('hq')::uuid || '/' || md5('ro' || r)::uuid || '/', true
from generate_series(0, 4) r;

create temp table bench_countries as
select code, (row_number() over (order by code))::int as n from countries where code ~ '^[A-Z]{2}$' order by code limit 190;

insert into offices (id, code, name, office_type, parent_id, path, country_code, is_synthetic)
select md5('co' || code)::uuid, 'B-CO-' || code, 'Country office ' || code, 'country_office', md5('ro' || n % 5)::uuid,
       '/' || md5('hq')::uuid || '/' || md5('ro' || n % 5)::uuid || '/' || md5('co' || code)::uuid || '/', code, true
from bench_countries;

insert into country_profiles (country_code, presence, covering_office_id, is_synthetic)
select code, case when n % 4 = 0 then 'non_resident' else 'resident' end, md5('co' || code)::uuid, true from bench_countries;

insert into constituents (country_code, kind, name, is_synthetic)
select code, k, k || ' of ' || code, true from bench_countries, unnest(array['ministry_of_labour', 'employers', 'workers']) k;

insert into cf_cycles (id, country_code, kind, title, period_start, period_end, stage, is_synthetic)
select md5('cy' || code || c)::uuid, code, 'cooperation_framework', 'CF ' || code || ' ' || (2013 + 5 * c),
       make_date(2013 + 5 * c, 1, 1), make_date(2017 + 5 * c, 12, 31), (array['closed', 'evaluation', 'implementation'])[c + 1], true
from bench_countries, generate_series(0, 2) c;

insert into cf_priorities (id, cycle_id, code, title)
select md5('pr' || cy.id || p)::uuid, cy.id, 'SP' || p, 'Strategic priority ' || p
from cf_cycles cy, generate_series(1, 5) p;

insert into cf_outcomes (id, cycle_id, priority_id, code, text, org_role)
select md5('oc' || pr.id || o)::uuid, pr.cycle_id, pr.id, pr.code || '.' || o, 'Outcome ' || pr.code || '.' || o || ' of cycle ' || pr.cycle_id,
       (array['lead', 'co_lead', 'participant', 'none'])[1 + o % 4]
from cf_priorities pr, generate_series(1, 6) o;

insert into cf_outputs (id, outcome_id, code, text)
select md5('op' || oc.id)::uuid, oc.id, oc.code || '.1', 'Output of ' || oc.code from cf_outcomes oc;

insert into cf_outcome_sdg_targets (outcome_id, target_code)
select oc.id, t.code
from cf_outcomes oc
join lateral (select code from sdg_targets order by md5(code || oc.id::text) limit 2) t on true;

insert into indicators (id, node_type, node_id, code, title, unit, baseline_value, baseline_date)
select md5('in' || oc.id || i)::uuid, 'cf_outcome', oc.id, 'I' || i, 'Indicator ' || i || ' of ' || oc.code, 'percent', 10 * i, '2012-12-31'
from cf_outcomes oc, generate_series(1, 5) i;

insert into indicator_targets (indicator_id, kind, period_start, period_end, value, set_by)
select ind.id, case when p = 10 then 'target' else 'milestone' end, cy.period_start + (p - 1) * 182, cy.period_start + p * 182 - 1, 10 + p, 'benchmark'
from indicators ind
join cf_outcomes oc on oc.id = ind.node_id
join cf_cycles cy on cy.id = oc.cycle_id, generate_series(1, 10) p;

insert into dwcps (id, country_code, title, period_start, period_end, status, cf_cycle_id, is_synthetic)
select md5('dw' || cy.id)::uuid, cy.country_code, 'DWCP ' || cy.title, cy.period_start, cy.period_end, 'active', cy.id, true from cf_cycles cy;

insert into dwcp_priorities (id, dwcp_id, code, title)
select md5('dp' || d.id || p)::uuid, d.id, 'P' || p, 'Priority ' || p from dwcps d, generate_series(1, 5) p;

-- Per priority: a CPO derived from an outcome of its CF (some priorities), and one additional CPO linked at output level.
insert into cpos (id, dwcp_id, priority_id, code, text, derivation, cf_outcome_id)
select md5('cd' || dp.id)::uuid, dp.dwcp_id, dp.id, dp.code || 'D', oc.text, 'derived', oc.id
from dwcp_priorities dp
join dwcps d on d.id = dp.dwcp_id
join cf_outcomes oc on oc.cycle_id = d.cf_cycle_id and oc.code = 'SP' || right(dp.code, 1) || '.1'
where right(dp.code, 1)::int <= 3;

insert into cpos (id, dwcp_id, priority_id, code, text, derivation, justification)
select md5('ca' || dp.id)::uuid, dp.dwcp_id, dp.id, dp.code || 'A', 'Additional outcome of ' || dp.code, 'additional', 'Normative work'
from dwcp_priorities dp;

insert into cpo_cf_outputs (cpo_id, cf_output_id)
select md5('ca' || dp.id)::uuid, op.id
from dwcp_priorities dp
join dwcps d on d.id = dp.dwcp_id
join cf_outcomes oc on oc.cycle_id = d.cf_cycle_id and oc.code = 'SP' || right(dp.code, 1) || '.2'
join cf_outputs op on op.outcome_id = oc.id
where right(dp.code, 1)::int = 4;

insert into programming_milestones (country_code, cf_cycle_id, kind, title, due_date, notify_days, is_synthetic)
select bc.code, md5('cy' || bc.code || 2)::uuid, 'cf_annual_review', 'Milestone ' || m, current_date + (m * 97 + bc.n) % 700, 30, true
from bench_countries bc, generate_series(1, 5) m;

analyze;
