-- statement 1 of 2
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 2 of 2
select
  'total' as "key",
  'All voluntary funding' as "label",
  count(distinct projects.id)::int as "projects",
  round(coalesce(sum(f.allocation), 0), 2)::text as "voluntary",
  round(
    coalesce(
      sum(f.allocation * coalesce(cs.share, 0) / 100),
      0
    ),
    2
  )::text as "aligned",
  round(
    (sum(f.allocation * coalesce(cs.share, 0) / 100)) / nullif(sum(f.allocation), 0),
    4
  )::text as "alignedShare"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
  inner join "funding_sources" as "s" on "s"."code" = "projects"."funding_source"
  left join (
    select
      "project_id",
      least(sum(share), 100) as "share"
    from
      "project_cpo_links"
    group by
      "project_id"
  ) as "cs" on "cs"."project_id" = "projects"."id"
where
  "f"."year" = $1
  and "projects"."status" in ($2, $3, $4)
  and f.problems = '[]'::jsonb
  and "s"."kind" in ($5, $6)
order by
  "label";
