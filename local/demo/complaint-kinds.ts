/**
 * The demo's urgent complaint (issue 22 item 6; service-standards.md §12 "Complaint kinds"): one
 * refund dispute filed `urgent` at 10:30 of the store day — acknowledged within 30 minutes, and
 * escalated to the supervisor at its warning if the handlers are slower — and the SLA report by
 * complaint category, for the demo's report.
 */
import type { ReportRow } from '../../core/reports/sla-report.ts';
import type { Agenda } from './agenda.ts';
import type { PlatformClient, StaffSession } from './platform-client.ts';

const HOUR = 3_600_000;

export interface UrgentComplaintSummary {
  caseId: string;
  category: string | null;
  level: string;
  acknowledge: { due: string | null; status: string; completedAt: string | null; escalatedAtWarning: boolean } | null;
}

export interface ComplaintKindsSummary {
  urgent: UrgentComplaintSummary | null;
  /** `GET /reports/sla?groupBy=category`: complaint steps by the complaint's category. */
  byCategory: ReportRow[];
}

export class UrgentComplaintScenario {
  private caseId: string | undefined;

  constructor(private readonly o: { agenda: Agenda; client: PlatformClient; dayStart: number }) {}

  /** Files the urgent refund dispute at 10:30 of the store day. */
  open(): void {
    this.o.agenda.at(this.o.dayStart + 10.5 * HOUR, async () => {
      const answer = await this.o.client.storefront('complaint.filed', {
        complaintId: 'CP-URGENT-1',
        customer: { name: '周女士', phone: '13912345678' },
        text: '退款三天还没到账,要求马上处理 the refund is three days late',
        category: 'refund-dispute',
        level: 'urgent',
      });
      if (answer.status !== 202) throw new Error(`urgent complaint.filed: ${answer.status} ${JSON.stringify(answer.body)}`);
      this.caseId = answer.body.caseId as string;
    });
  }

  /** What became of it, and the report by category over the demo's days. */
  async summary(supervisor: StaffSession, from: string, to: string): Promise<ComplaintKindsSummary> {
    const report = await supervisor.call<{ rows: ReportRow[] }>('GET', `/reports/sla?from=${from}&to=${to}&groupBy=category`);
    if (report.status !== 200) throw new Error(`GET /reports/sla?groupBy=category: ${report.status} ${JSON.stringify(report.body)}`);
    return { urgent: this.caseId === undefined ? null : await this.urgent(supervisor, this.caseId), byCategory: report.body.rows };
  }

  private async urgent(supervisor: StaffSession, caseId: string): Promise<UrgentComplaintSummary> {
    const answer = await supervisor.getCase(caseId);
    if (answer.status !== 200) throw new Error(`GET /cases/${caseId}: ${answer.status}`);
    const view = answer.body;
    const ack = view.steps.find((s) => s.step === 'complaint.acknowledge');
    const escalated = view.timeline.some((e) => e.kind === 'step.escalated' && e.step === 'complaint.acknowledge' && e.detail?.warning === true);
    return {
      caseId,
      category: view.complaint?.category ?? null,
      level: view.complaint?.level ?? 'normal',
      acknowledge: ack ? { due: ack.due, status: ack.status, completedAt: ack.completedAt, escalatedAtWarning: escalated } : null,
    };
  }
}
