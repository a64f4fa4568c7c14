-- statement 1 of 2
select
  "projects".*,
  "offices"."name" as "office_name"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
where
  "projects"."status" = $1
order by
  "projects"."code" asc nulls last
limit
  $2
offset
  $3;

-- statement 2 of 2
select
  count(*) as "n"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
where
  "projects"."status" = $1;
