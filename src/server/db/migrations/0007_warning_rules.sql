-- Early-warning rules (004 Part II.2: "identifying bottlenecks", "facilitate preventive action"): named,
-- configurable data; the code knows the kinds, the parameters live here.
create table warning_rules (
  code   text primary key check (code ~ '^[a-z0-9_]{2,40}$'),
  name   text not null,
  kind   text not null check (kind in ('below_time_curve', 'no_expenditure', 'ending_low_delivery', 'allocation_not_committed')),
  params jsonb not null,
  active boolean not null default true
);
insert into warning_rules (code, name, kind, params) values
  ('behind_time_curve', 'Delivery behind the time elapsed', 'below_time_curve', '{"points": 20}'),
  ('no_spending', 'No expenditure for three months', 'no_expenditure', '{"months": 3}'),
  ('ending_underspent', 'Ending within six months with delivery below 70%', 'ending_low_delivery', '{"months": 6, "below": 70}'),
  ('allocation_idle', 'Over half of the allocation neither spent nor committed in the last quarter', 'allocation_not_committed', '{"share": 50, "months": 3}');
