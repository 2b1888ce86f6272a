import type { ReportKind, ReportParams } from '../../../../shared/contract/reports';
import type { LocalizedText } from '../../../../shared/i18n/text';
import type { CallContext, Core } from '../../core';
import type { ReportDoc } from '../export/sheet-spec';

export type ParamsOf<K extends ReportKind> = Extract<ReportParams, { report: K }>;

export interface ReportDefinition<K extends ReportKind = ReportKind> {
  report: K;
  title: LocalizedText;
  description: LocalizedText;
  hasPeriod: boolean;
  hasRep: boolean;
  build(core: Core, params: ParamsOf<K>, ctx: Pick<CallContext, 'actor'>): ReportDoc;
}
