-- statement 1 of 7
select
  "value"
from
  "settings"
where
  "key" = $1;

-- statement 2 of 7
select
  "code",
  "name",
  "kind",
  "params"
from
  "warning_rules"
where
  "active" = $1
order by
  "code";

-- statement 3 of 7
select
  f.problems = '[]'::jsonb as "complete",
  coalesce(f.allocation, 0)::float8 as "a",
  coalesce(f.expenditure_to_month[9], 0)::float8 as "e",
  coalesce(f.commitment_to_month[9], 0)::float8 as "c",
  coalesce(
    case
      when f.last_expenditure is null
      or date_part('month', f.last_expenditure) <= 9 then f.last_expenditure
      else case
        when f.expenditure_to_month[9] <> coalesce(f.expenditure_to_month[8], 0) then make_date(f.year, 9, 1)
        when f.expenditure_to_month[8] <> coalesce(f.expenditure_to_month[7], 0) then make_date(f.year, 8, 1)
        when f.expenditure_to_month[7] <> coalesce(f.expenditure_to_month[6], 0) then make_date(f.year, 7, 1)
        when f.expenditure_to_month[6] <> coalesce(f.expenditure_to_month[5], 0) then make_date(f.year, 6, 1)
        when f.expenditure_to_month[5] <> coalesce(f.expenditure_to_month[4], 0) then make_date(f.year, 5, 1)
        when f.expenditure_to_month[4] <> coalesce(f.expenditure_to_month[3], 0) then make_date(f.year, 4, 1)
        when f.expenditure_to_month[3] <> coalesce(f.expenditure_to_month[2], 0) then make_date(f.year, 3, 1)
        when f.expenditure_to_month[2] <> coalesce(f.expenditure_to_month[1], 0) then make_date(f.year, 2, 1)
        when f.expenditure_to_month[1] <> 0 then make_date(f.year, 1, 1)
      end
    end,
    (
      select
        max(pf.last_expenditure)
      from
        project_finance pf
      where
        pf.project_id = projects.id
        and pf.year < f.year
    )
  ) as "last_expenditure"
offset
  $1;

-- statement 4 of 7
select
  "projects"."id",
  "projects"."code",
  "m"."complete",
  f.problems as "problems",
  m.complete
  and (
    "m"."a" > 0
    and 100 * ("m"."a" - "m"."e" - "m"."c") / "m"."a" > 50
  ) as "hit0",
  m.complete
  and (
    "m"."a" > 0
    and 74.59016393442623 - (100 * "m"."e" / "m"."a") > 20
  ) as "hit1",
  m.complete
  and (
    "m"."a" > 0
    and (
      (
        date_part('year', "projects"."planned_end") - 2024
      ) * 12 + date_part('month', "projects"."planned_end") - 9
    ) between 0 and 6
    and (100 * "m"."e" / "m"."a") < 70
  ) as "hit2",
  m.complete
  and (
    "m"."a" > 0
    and (
      "m"."last_expenditure" is null
      or (2024 - date_part('year', "m"."last_expenditure")) * 12 + 9 - date_part('month', "m"."last_expenditure") >= 3
    )
  ) as "hit3"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
  inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
  cross join lateral (
    select
      f.problems = '[]'::jsonb as "complete",
      coalesce(f.allocation, 0)::float8 as "a",
      coalesce(f.expenditure_to_month[9], 0)::float8 as "e",
      coalesce(f.commitment_to_month[9], 0)::float8 as "c",
      coalesce(
        case
          when f.last_expenditure is null
          or date_part('month', f.last_expenditure) <= 9 then f.last_expenditure
          else case
            when f.expenditure_to_month[9] <> coalesce(f.expenditure_to_month[8], 0) then make_date(f.year, 9, 1)
            when f.expenditure_to_month[8] <> coalesce(f.expenditure_to_month[7], 0) then make_date(f.year, 8, 1)
            when f.expenditure_to_month[7] <> coalesce(f.expenditure_to_month[6], 0) then make_date(f.year, 7, 1)
            when f.expenditure_to_month[6] <> coalesce(f.expenditure_to_month[5], 0) then make_date(f.year, 6, 1)
            when f.expenditure_to_month[5] <> coalesce(f.expenditure_to_month[4], 0) then make_date(f.year, 5, 1)
            when f.expenditure_to_month[4] <> coalesce(f.expenditure_to_month[3], 0) then make_date(f.year, 4, 1)
            when f.expenditure_to_month[3] <> coalesce(f.expenditure_to_month[2], 0) then make_date(f.year, 3, 1)
            when f.expenditure_to_month[2] <> coalesce(f.expenditure_to_month[1], 0) then make_date(f.year, 2, 1)
            when f.expenditure_to_month[1] <> 0 then make_date(f.year, 1, 1)
          end
        end,
        (
          select
            max(pf.last_expenditure)
          from
            project_finance pf
          where
            pf.project_id = projects.id
            and pf.year < f.year
        )
      ) as "last_expenditure"
    offset
      $1
  ) as "m"
where
  "f"."year" = $2
  and "projects"."status" in ($3, $4, $5);

-- statement 5 of 7
with
  "w" as materialized (
    select
      "projects"."id",
      "projects"."code",
      "m"."complete",
      f.problems as "problems",
      m.complete
      and (
        "m"."a" > 0
        and 100 * ("m"."a" - "m"."e" - "m"."c") / "m"."a" > 50
      ) as "hit0",
      m.complete
      and (
        "m"."a" > 0
        and 74.59016393442623 - (100 * "m"."e" / "m"."a") > 20
      ) as "hit1",
      m.complete
      and (
        "m"."a" > 0
        and (
          (
            date_part('year', "projects"."planned_end") - 2024
          ) * 12 + date_part('month', "projects"."planned_end") - 9
        ) between 0 and 6
        and (100 * "m"."e" / "m"."a") < 70
      ) as "hit2",
      m.complete
      and (
        "m"."a" > 0
        and (
          "m"."last_expenditure" is null
          or (2024 - date_part('year', "m"."last_expenditure")) * 12 + 9 - date_part('month', "m"."last_expenditure") >= 3
        )
      ) as "hit3"
    from
      "projects"
      inner join "offices" on "offices"."id" = "projects"."office_id"
      inner join "project_finance" as "f" on "f"."project_id" = "projects"."id"
      cross join lateral (
        select
          f.problems = '[]'::jsonb as "complete",
          coalesce(f.allocation, 0)::float8 as "a",
          coalesce(f.expenditure_to_month[9], 0)::float8 as "e",
          coalesce(f.commitment_to_month[9], 0)::float8 as "c",
          coalesce(
            case
              when f.last_expenditure is null
              or date_part('month', f.last_expenditure) <= 9 then f.last_expenditure
              else case
                when f.expenditure_to_month[9] <> coalesce(f.expenditure_to_month[8], 0) then make_date(f.year, 9, 1)
                when f.expenditure_to_month[8] <> coalesce(f.expenditure_to_month[7], 0) then make_date(f.year, 8, 1)
                when f.expenditure_to_month[7] <> coalesce(f.expenditure_to_month[6], 0) then make_date(f.year, 7, 1)
                when f.expenditure_to_month[6] <> coalesce(f.expenditure_to_month[5], 0) then make_date(f.year, 6, 1)
                when f.expenditure_to_month[5] <> coalesce(f.expenditure_to_month[4], 0) then make_date(f.year, 5, 1)
                when f.expenditure_to_month[4] <> coalesce(f.expenditure_to_month[3], 0) then make_date(f.year, 4, 1)
                when f.expenditure_to_month[3] <> coalesce(f.expenditure_to_month[2], 0) then make_date(f.year, 3, 1)
                when f.expenditure_to_month[2] <> coalesce(f.expenditure_to_month[1], 0) then make_date(f.year, 2, 1)
                when f.expenditure_to_month[1] <> 0 then make_date(f.year, 1, 1)
              end
            end,
            (
              select
                max(pf.last_expenditure)
              from
                project_finance pf
              where
                pf.project_id = projects.id
                and pf.year < f.year
            )
          ) as "last_expenditure"
        offset
          $1
      ) as "m"
    where
      "f"."year" = $2
      and "projects"."status" in ($3, $4, $5)
  )
select
  (
    select
      json_build_object(
        $6::text,
        count(*) filter (
          where
            "hit0"
        ),
        $7::text,
        count(*) filter (
          where
            "hit1"
        ),
        $8::text,
        count(*) filter (
          where
            "hit2"
        ),
        $9::text,
        count(*) filter (
          where
            "hit3"
        )
      )
    from
      w
  ) as "counts",
  (
    select
      json_agg(
        x
        order by
          x.code
      )
    from
      (
        select
          projects.id as "projectId",
          projects.code,
          projects.planned_end::text as "plannedEnd",
          round(coalesce(f.allocation, 0), 2)::text as allocation,
          round(coalesce(f.expenditure_to_month[9], 0), 2)::text as expenditure,
          round(coalesce(f.commitment_to_month[9], 0), 2)::text as commitments,
          coalesce(
            case
              when f.last_expenditure is null
              or date_part('month', f.last_expenditure) <= 9 then f.last_expenditure
              else case
                when f.expenditure_to_month[9] <> coalesce(f.expenditure_to_month[8], 0) then make_date(f.year, 9, 1)
                when f.expenditure_to_month[8] <> coalesce(f.expenditure_to_month[7], 0) then make_date(f.year, 8, 1)
                when f.expenditure_to_month[7] <> coalesce(f.expenditure_to_month[6], 0) then make_date(f.year, 7, 1)
                when f.expenditure_to_month[6] <> coalesce(f.expenditure_to_month[5], 0) then make_date(f.year, 6, 1)
                when f.expenditure_to_month[5] <> coalesce(f.expenditure_to_month[4], 0) then make_date(f.year, 5, 1)
                when f.expenditure_to_month[4] <> coalesce(f.expenditure_to_month[3], 0) then make_date(f.year, 4, 1)
                when f.expenditure_to_month[3] <> coalesce(f.expenditure_to_month[2], 0) then make_date(f.year, 3, 1)
                when f.expenditure_to_month[2] <> coalesce(f.expenditure_to_month[1], 0) then make_date(f.year, 2, 1)
                when f.expenditure_to_month[1] <> 0 then make_date(f.year, 1, 1)
              end
            end,
            (
              select
                max(pf.last_expenditure)
              from
                project_finance pf
              where
                pf.project_id = projects.id
                and pf.year < f.year
            )
          )::text as "lastExpenditure"
        from
          (
            select
              id
            from
              w
            where
              "hit0"
              or "hit1"
              or "hit2"
              or "hit3"
            order by
              code
            limit
              $10
          ) flagged
          join projects on projects.id = flagged.id
          join project_finance f on f.project_id = flagged.id
          and f.year = $11
      ) x
  ) as "rows",
  (
    select
      json_agg(
        json_build_object('code', code, 'problems', problems)
        order by
          code
      )
    from
      w
    where
      not complete
  ) as "unconverted";

-- statement 6 of 7
select distinct
  on ("project_id", "rule_code") "project_id",
  "rule_code",
  "status",
  "comment",
  "at",
  "actor_label"
from
  "warning_actions"
where
  "project_id" in ($1, $2, $3)
order by
  "project_id",
  "rule_code",
  "id" desc;

-- statement 7 of 7
select
  "projects"."id",
  "projects"."title",
  "offices"."name" as "office"
from
  "projects"
  inner join "offices" on "offices"."id" = "projects"."office_id"
where
  "projects"."id" in ($1, $2, $3);
