-- statement 1 of 1
with
  regions as (
    select
      cp.country_code,
      coalesce(
        (
          select
            r.name
          from
            offices r
          where
            r.office_type = 'regional_office'
            and o.path like r.path || '%'
          order by
            length(r.path) desc
          limit
            1
        ),
        'Other'
      ) as region
    from
      country_profiles cp
      join offices o on o.id = cp.covering_office_id
    where
      true
  ),
  derived as (
    select distinct
      priority_id
    from
      cpos
    where
      derivation = 'derived'
  ),
  linked as (
    select distinct
      c.priority_id
    from
      cpos c
      join cpo_cf_outputs l on l.cpo_id = c.id
  ),
  levels as (
    select
      rg.region,
      extract(
        year
        from
          d.period_start
      )::int as year,
      coalesce(
        p.alignment_recorded,
        case
          when dv.priority_id is not null then 'fully'
          when lk.priority_id is not null then 'partially'
          else 'not'
        end
      ) as level
    from
      dwcp_priorities p
      join dwcps d on d.id = p.dwcp_id
      join regions rg on rg.country_code = d.country_code
      left join derived dv on dv.priority_id = p.id
      left join linked lk on lk.priority_id = p.id
  )
select
  region,
  year,
  count(*)::int as priorities,
  count(*) filter (
    where
      level = 'fully'
  )::int as fully,
  count(*) filter (
    where
      level = 'partially'
  )::int as partially,
  count(*) filter (
    where
      level = 'not'
  )::int as not
from
  levels
group by
  region,
  year
order by
  region,
  year;
