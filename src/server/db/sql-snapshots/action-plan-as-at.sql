-- statement 1 of 4
select
  *
from
  "action_plans"
where
  "code" = $1;

-- statement 2 of 4
select
  *
from
  "action_plan_components"
where
  "plan_id" = $1
order by
  "ord";

-- statement 3 of 4
select
  "i".*
from
  "action_items" as "i"
  inner join "action_plan_components" as "c" on "c"."id" = "i"."component_id"
where
  "c"."plan_id" = $1
order by
  "i"."ord";

-- statement 4 of 4
select
  "s".*
from
  "action_item_statuses" as "s"
  inner join "action_items" as "i" on "i"."id" = "s"."item_id"
  inner join "action_plan_components" as "c" on "c"."id" = "i"."component_id"
where
  "c"."plan_id" = $1
  and "s"."as_of" <= $2
order by
  "s"."as_of";
