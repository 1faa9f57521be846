import type { FeeInfo, FormField, FormSchema, ItemSnapshot, ItemVersionElements, Material, TimeLimit, WorkflowDefinition } from '@zhengtong/contracts';
import type { NewRow, Row } from '../../kernel/db';

// A version's elements as columns and back. Scalars the database can check are columns; nested lists (materials,
// form, workflow, result fields) are jsonb written only after the contracts' schema accepted them.

type ElementColumns = Omit<NewRow<'service_item_versions'>, 'id' | 'implementation_id' | 'version' | 'status' | 'item_snapshot'>;

export function elementColumns(e: ItemVersionElements): ElementColumns {
  return {
    acceptance_conditions: e.acceptanceConditions,
    legal_limit_days: e.legalLimit?.days ?? null,
    legal_limit_unit: e.legalLimit?.unit ?? null,
    legal_limit_note: e.legalLimit?.note ?? '',
    promised_limit_days: e.promisedLimit.days,
    promised_limit_unit: e.promisedLimit.unit,
    promised_limit_note: e.promisedLimit.note,
    case_kind: e.caseKind,
    channels: e.channels,
    visits_required: e.visitsRequired,
    is_charged: e.fees.isCharged,
    fee_basis: e.fees.isCharged ? e.fees.basis : null,
    fee_amount_fen: e.fees.isCharged ? e.fees.amountFen : null,
    fee_note: e.fees.note,
    location: e.location,
    hours: e.hours,
    consult_phone: e.consultPhone,
    complaint_phone: e.complaintPhone,
    allows_pledge: e.allowsPledge,
    allows_gaps: e.allowsGaps,
    materials: JSON.stringify(e.materials),
    form: JSON.stringify(e.form),
    workflow: JSON.stringify(e.workflow),
    result_fields: JSON.stringify(e.resultFields),
    result_template: e.resultTemplate,
    change_note: e.changeNote,
  };
}

export function elementsOf(row: Row<'service_item_versions'>): ItemVersionElements {
  const legalLimit: TimeLimit | null =
    row.legal_limit_days === null || row.legal_limit_unit === null ? null : { days: row.legal_limit_days, unit: row.legal_limit_unit, note: row.legal_limit_note };
  const fees: FeeInfo = {
    isCharged: row.is_charged,
    basis: row.fee_basis,
    amountFen: row.fee_amount_fen === null ? null : Number(row.fee_amount_fen),
    note: row.fee_note,
  };
  return {
    acceptanceConditions: row.acceptance_conditions,
    legalLimit,
    promisedLimit: { days: row.promised_limit_days, unit: row.promised_limit_unit, note: row.promised_limit_note },
    caseKind: row.case_kind,
    channels: row.channels as ItemVersionElements['channels'],
    visitsRequired: row.visits_required,
    fees,
    location: row.location,
    hours: row.hours,
    consultPhone: row.consult_phone,
    complaintPhone: row.complaint_phone,
    allowsPledge: row.allows_pledge,
    allowsGaps: row.allows_gaps,
    // Written only through the contracts' schemas (API, import, seed), so the stored shape is the schema's.
    materials: row.materials as Material[],
    form: row.form as FormSchema,
    workflow: row.workflow as WorkflowDefinition,
    resultFields: row.result_fields as FormField[],
    resultTemplate: row.result_template,
    changeNote: row.change_note,
  };
}

export function snapshotOf(row: Row<'service_item_versions'>): ItemSnapshot {
  return row.item_snapshot as ItemSnapshot;
}

/** The item as a version records it (a case keeps the basis it was decided under). */
export function itemSnapshot(item: Row<'service_items'>): ItemSnapshot {
  return {
    id: item.id,
    basicCode: item.basic_code,
    name: item.name,
    type: item.type,
    powerSource: item.power_source,
    basis: item.basis,
    audience: item.audience,
    departmentCategory: item.department_category,
  };
}
