// The SQL behind seed-cases.ts: one plan of every row (status, step, times, number) in a temp table, then the
// inserts in batches. Random draws r1…r9 per row; times are relative to now() so the traffic lights stay true.

type Step = { key: string; role: string; isOptional: boolean; departmentIds: string[] };
export type VersionRow = {
  version_id: string;
  implementation_id: string;
  service_item_id: string;
  item_name: string;
  audience: 'person' | 'enterprise' | 'both';
  department_id: string;
  department_name: string;
  region_code: string;
  case_kind: 'immediate' | 'promised';
  promised_days: number;
  promised_unit: string;
  legal_days: number | null;
  legal_unit: string | null;
  channels: string[];
  steps: Step[];
  in_force: boolean;
};

const stepRef = (s: Step) => ({ key: s.key, role: s.role, pending: s.key === 'countersign' ? s.departmentIds : [] });

/** A version as the planner needs it: who waits at each step, and how often the city files under it. */
export function versionInfo(v: VersionRow, vn: number) {
  const accept = v.steps.find((s) => s.key === 'accept');
  const complete = v.steps.find((s) => s.key === 'complete');
  const acceptAt = v.steps.findIndex((s) => s.key === 'accept');
  const first = v.steps.slice(acceptAt + 1).find((s) => !s.isOptional && s.key !== 'complete');
  const later = v.steps.filter((s) => s !== first && s !== accept && s !== complete && v.steps.indexOf(s) > acceptAt);
  // Personal items are filed far more often than enterprise ones, a county's less than the city's.
  const byAudience = { person: 8, both: 4, enterprise: 2 }[v.audience];
  const weight = !v.in_force ? 1 : v.region_code.startsWith('539900') ? byAudience : Math.max(1, byAudience / 2);
  return {
    vn,
    version_id: v.version_id,
    implementation_id: v.implementation_id,
    service_item_id: v.service_item_id,
    item_name: v.item_name,
    audience: v.audience,
    department_id: v.department_id,
    department_name: v.department_name,
    region_code: v.region_code,
    case_kind: v.case_kind,
    promised_days: v.promised_days,
    promised_unit: v.promised_unit,
    legal_days: v.legal_days,
    legal_unit: v.legal_unit,
    can_online: v.channels.includes('online'),
    can_window: v.channels.includes('window'),
    in_force: v.in_force,
    accept_role: accept?.role ?? 'clerk',
    first_step: first ? stepRef(first) : null,
    later_steps: (later.length > 0 ? later : first ? [first] : []).map(stepRef),
    complete_role: complete?.role ?? 'clerk',
    weight,
  };
}

/** $1 rows to plan, $2 weighted slots, $3 person applicants, $4 enterprise applicants. */
export const caseRowsSql = `
create temp table seed_rows as
with g as materialized (
  select n, floor(random() * $2)::int as slot,
         random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
         random() as r6, random() as r7, random() as r8, random() as r9
    from generate_series(1, $1::int) as n
), drawn as materialized (
  -- What the case is now: status, the pause it is in, the step it waits at, who applies and through which channel.
  select g.*, v.vn, v.case_kind, v.legal_days, substr(v.region_code, 1, 6) as region6, s.status, rs.resume_status,
         case when v.audience = 'both' then case when r9 < 0.6 then 'person' else 'enterprise' end else v.audience end as applicant_kind,
         case when v.can_online and (r8 < 0.6 or not v.can_window) then 'online' else 'window' end as channel,
         case coalesce(rs.resume_status, s.status)
           when 'submitted' then jsonb_build_object('key', 'accept', 'role', v.accept_role)
           when 'accepted' then v.first_step
           when 'in_review' then v.later_steps -> floor(r3 * jsonb_array_length(v.later_steps))::int
           when 'decided' then jsonb_build_object('key', 'complete', 'role', v.complete_role) end as step,
         v.promised_days * case when v.promised_unit = 'workingDay' then 1.4 else 1 end * interval '1 day' as limit_span,
         coalesce(v.legal_days, 0) * case when v.legal_unit = 'workingDay' then 1.4 else 1 end * interval '1 day' as legal_span
    from g
    join seed_slots using (slot)
    join seed_versions v using (vn)
    cross join lateral (select case
        when r1 < 0.02 then 'draft' when r1 < 0.07 then 'open' when r1 < 0.08 then 'suspended'
        when r1 < 0.10 then 'refused' when r1 < 0.11 then 'denied' when r1 < 0.13 then 'withdrawn'
        else 'completed' end as drawn offset 0) d
    cross join lateral (select case
        when not v.in_force and d.drawn in ('draft', 'open', 'suspended') then 'completed'
        when d.drawn = 'denied' and v.case_kind = 'immediate' then 'refused'
        when d.drawn <> 'open' then d.drawn
        -- 即办件 are settled at the counter: few wait for acceptance. Promised items wait mostly in review.
        when v.case_kind = 'immediate' then case when r2 < 0.15 then 'submitted' else 'completed' end
        when r2 < 0.10 then 'submitted' when r2 < 0.50 then 'accepted' when r2 < 0.88 then 'in_review'
        else 'decided' end as status offset 0) s
    cross join lateral (select case when s.status = 'suspended' then
        case when v.case_kind = 'immediate' or r2 < 0.3 then 'submitted' when r2 < 0.7 then 'accepted' else 'in_review' end end as resume_status offset 0) rs
), anchored as materialized (
  select d.*,
         -- Open cases whose clock runs: 12 % overdue (red), 10 % due within hours (yellow), the rest later (green).
         case when status in ('accepted', 'in_review', 'decided') then now() + case
             when r4 < 0.12 then -(interval '1 hour' + r5 * interval '10 days')
             when r4 < 0.22 then interval '10 minutes' + r5 * interval '12 hours'
             else interval '36 hours' + r5 * greatest(limit_span - interval '36 hours', interval '12 hours') end
         end as running_due,
         now() - r5 * interval '10 days' as paused_since,
         -- Closed cases and drafts: office hours (Beijing) of a day in the last two years.
         (date_trunc('day', now() at time zone 'Asia/Shanghai') - (3 + floor(r5 * 727)) * interval '1 day'
           + interval '8 hours 30 minutes' + r6 * interval '9 hours') at time zone 'Asia/Shanghai' as filed_at
    from drawn d
), accepted as materialized (
  select a.*, case
      when running_due is not null then least(running_due - limit_span, now() - interval '10 minutes')
      when status = 'suspended' and resume_status <> 'submitted' then paused_since - interval '1 hour' - r6 * limit_span
      when status in ('completed', 'denied') then filed_at + case when case_kind = 'immediate' then r7 * interval '20 minutes' else r7 * interval '1 day' end
      when status = 'withdrawn' and r7 < 0.5 then filed_at + r7 * interval '1 day' end as accepted_at
    from anchored a
), timed as materialized (
  select a.*,
         case
           when status = 'draft' then null
           when status = 'submitted' then now() - r5 * interval '3 days'
           when status = 'suspended' and accepted_at is null then paused_since - r6 * interval '2 days'
           when running_due is not null or status = 'suspended' then accepted_at - r7 * interval '1 day'
           else filed_at end as submitted_at,
         case
           when case_kind = 'immediate' or accepted_at is null then null
           when running_due is not null then running_due
           else accepted_at + limit_span end as due_at,
         case
           when status in ('completed', 'denied') then case when case_kind = 'immediate' then accepted_at
                else least(accepted_at + r4 * limit_span * 1.05, now() - interval '1 minute') end
           when status = 'refused' then filed_at + r7 * interval '1 day'
           when status = 'withdrawn' then filed_at + interval '1 day' + r7 * interval '3 days' end as completed_at
    from accepted a
), planned as (
  select n, vn, region6, status, resume_status,
         case when status = 'suspended' then case when resume_status <> 'submitted' and r3 < 0.2 then 'special' else 'supplement' end end as suspend_kind,
         step ->> 'key' as current_step, step ->> 'role' as step_role, coalesce(step -> 'pending', '[]'::jsonb) as countersign_pending,
         channel, applicant_kind, (n % case applicant_kind when 'person' then $3::int else $4::int end)::int as applicant_pick,
         submitted_at, accepted_at, due_at,
         case when due_at is not null and legal_days is not null then accepted_at + legal_span end as legal_due_at,
         case when status = 'suspended' then paused_since end as suspended_since,
         case when status in ('completed', 'denied') then completed_at - (completed_at - accepted_at) * 0.1
              when status = 'decided' then greatest(accepted_at, now() - r6 * interval '1 day') end as decided_at,
         completed_at,
         case status when 'completed' then 'approved' when 'decided' then 'approved' when 'denied' then 'denied' when 'refused' then 'refused' end as result_kind,
         coalesce(submitted_at, filed_at) - r7 * interval '2 hours' as created_at,
         (submitted_at at time zone 'Asia/Shanghai')::date as bj_day
    from timed
)
select p.*,
       case when p.submitted_at is not null then coalesce(c.last, 0) + row_number() over (partition by p.region6, p.bj_day order by p.submitted_at, p.n) end as seq
  from planned p
  left join case_number_counters c on c.region6 = p.region6 and c.day = p.bj_day`;

/** Rows $1…$2 of the plan into cases, with UUIDv7 ids, 22-character tracking codes and 办件编号. */
export const insertBatchSql = `
insert into cases (
  id, case_number, tracking_code, item_version_id, implementation_id, service_item_id, item_name, department_id,
  handling_department_id, handling_department_name, region_code, channel, case_kind, status, current_step, step_role,
  suspend_kind, resume_status, applicant_type, applicant_account_id, applicant_enterprise_id, applicant_name,
  applicant_credit_code, agent_name, filed_by, filed_department_id, form_values, supplement_request, countersign_pending,
  result_kind, result_values, result_reason, decided_at, promised_days, promised_unit, legal_days, legal_unit,
  submitted_at, accepted_at, due_at, legal_due_at, suspended_since, completed_at, created_at, updated_at)
select
  (lpad(to_hex((extract(epoch from r.created_at) * 1000)::bigint), 12, '0') || '7' || substr(h.id, 1, 3)
    || substr('89ab', 1 + (r.n % 4)::int, 1) || substr(h.id, 4, 15))::uuid,
  case when r.seq is not null then r.region6 || to_char(r.bj_day, 'YYYYMMDD') || case r.channel when 'window' then 'W' else 'O' end || lpad(r.seq::text, 6, '0') end,
  rtrim(translate(encode(decode(h.tracking, 'hex'), 'base64'), '+/', '-_'), '='),
  v.version_id, v.implementation_id, v.service_item_id, v.item_name, v.department_id,
  v.department_id, v.department_name, v.region_code, r.channel, v.case_kind, r.status, r.current_step, r.step_role,
  r.suspend_kind, r.resume_status, ap.kind,
  case when r.channel = 'window' and ap.kind = 'enterprise' then null else ap.account_id end,
  ap.enterprise_id, ap.name, ap.credit_code,
  case when ap.kind = 'enterprise' then ap.agent_name end,
  case when r.channel = 'window' then w.account_id else ap.account_id end,
  case when r.channel = 'window' then w.department_id end,
  jsonb_build_object('applicantName', ap.name, 'applicantPhone', '1380000000' || (r.n % 10),
    'address', '云溪市澜沧区翠湖路 ' || (r.n % 300 + 1) || ' 号', 'byProxy', false, 'remark', v.item_name || ',申请人本人填报'),
  case when r.suspend_kind = 'supplement' then jsonb_build_object('requestedAt', r.suspended_since, 'note', '请在 10 个工作日内补正',
    'items', jsonb_build_array(jsonb_build_object('target', 'material', 'key', 'idCard', 'reason', '身份证复印件不清晰,请重新上传清晰的正反面'))) end,
  r.countersign_pending,
  r.result_kind,
  case when r.result_kind = 'approved' then '{}'::jsonb end,
  case r.result_kind when 'refused' then '申请事项不属于本机关职权范围' when 'denied' then '申请人不符合法定条件' end,
  r.decided_at, v.promised_days, v.promised_unit, v.legal_days, v.legal_unit,
  r.submitted_at, r.accepted_at, r.due_at, r.legal_due_at, r.suspended_since, r.completed_at, r.created_at,
  greatest(r.created_at, r.submitted_at, r.accepted_at, r.suspended_since, r.decided_at, r.completed_at)
from seed_rows r
join seed_versions v using (vn)
join seed_applicants ap on ap.kind = r.applicant_kind and ap.pick = r.applicant_pick
left join seed_windows w on w.region6 = r.region6
cross join lateral (select md5('id' || r.n || random()) as id, md5('tc' || r.n || random()) as tracking) h
where r.n between $1 and $2`;
