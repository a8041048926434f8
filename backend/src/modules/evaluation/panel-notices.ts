import { NotificationKind } from '@openbrief/contracts';
import type { NotificationRequest } from '../notifications/notifications.service';

interface Membership {
  moderatorId: string;
  evaluators: { userId: string }[];
}

interface PanelFacts {
  panelId: string;
  buyerName: string;
  reference: string;
  title: string;
  lotNumber: number;
  lotTitle: string;
}

/**
 * Who to tell that they are on a panel: evaluators not evaluating before, and the moderator if newly named. On
 * re-forming, people whose role is unchanged are not told again; nor is whoever formed the panel.
 */
export function panelNotices(before: Membership | null, after: Membership, formedBy: string, facts: PanelFacts): NotificationRequest[] {
  const wereEvaluators = new Set(before?.evaluators.map((e) => e.userId) ?? []);
  const evaluators = after.evaluators.map((e) => e.userId).filter((id) => !wereEvaluators.has(id) && id !== formedBy);
  const moderator = before?.moderatorId === after.moderatorId || after.moderatorId === formedBy ? [] : [after.moderatorId];
  const lot = `“${facts.title}” (lot ${facts.lotNumber}: ${facts.lotTitle})`;
  const common = {
    kind: NotificationKind.PanelMemberNamed,
    title: `Evaluation panel: ${facts.reference}, lot ${facts.lotNumber}`,
    link: `/evaluations/${facts.panelId}`,
  };
  return [
    {
      ...common,
      userIds: evaluators,
      body: `${facts.buyerName} has named you an evaluator of the responses to ${lot}. Before you see any response, declare whether you have a conflict of interest with each bidder. Then score the criteria assigned to you, with a justification for each score.`,
    },
    {
      ...common,
      userIds: moderator,
      body: `${facts.buyerName} has named you the moderator of the evaluation of ${lot}. Declare whether you have a conflict of interest with each bidder. Once the evaluators have submitted their scores, you record a consensus score for each response.`,
    },
  ].filter((n) => n.userIds.length > 0);
}
