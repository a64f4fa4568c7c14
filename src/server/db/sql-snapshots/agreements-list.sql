-- statement 1 of 4
select
  "agreements".*,
  "partners"."name" as "partner_name",
  "partners"."partner_type"
from
  "agreements"
  inner join "partners" on "partners"."id" = "agreements"."partner_id"
order by
  "agreements"."period_start" desc;

-- statement 2 of 4
select
  "agreement_amounts"."agreement_id",
  "agreement_amounts"."year",
  "agreement_amounts"."amount"
from
  "agreement_amounts"
  inner join "agreements" on "agreements"."id" = "agreement_amounts"."agreement_id"
order by
  "agreement_amounts"."agreement_id",
  "agreement_amounts"."year";

-- statement 3 of 4
select
  *
from
  "levy_rules";

-- statement 4 of 4
select
  *
from
  "levy_exemptions";
