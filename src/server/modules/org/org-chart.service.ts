import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/types.ts';
import * as repo from './org-chart.repo.ts';
import { managerChain } from './reporting-chain.repo.ts';

const node = (r: repo.ChartRow) => ({
  id: r.id,
  name: `${r.firstName} ${r.lastName}`,
  jobTitle: r.jobTitle,
  department: r.departmentId && r.departmentName ? { id: r.departmentId, name: r.departmentName } : null,
  directReportCount: r.directReportCount,
});

/** One level of the chart: the node and its direct reports (or the top level without a root). */
export async function chartLevel(ctx: AppContext, actor: Actor, rootId?: string) {
  if (!rootId) return { node: null, children: (await repo.chartTop(ctx.db, actor.orgId)).map(node) };
  const [root, children] = await Promise.all([
    repo.chartNode(ctx.db, actor.orgId, rootId),
    repo.chartChildren(ctx.db, actor.orgId, rootId),
  ]);
  if (!root) throw notFound('Person');
  return { node: node(root), children: children.map(node) };
}

/**
 * The ids to expand, top-down, to reach a person in the chart. The chart's top level includes
 * reports of deactivated managers, so the path starts below the first inactive manager.
 */
export async function chartPath(ctx: AppContext, actor: Actor, id: string) {
  const self = await repo.chartNode(ctx.db, actor.orgId, id);
  if (!self) throw notFound('Person');
  const chain = await managerChain(ctx.db, actor.orgId, id);
  const cut = chain.findIndex((m) => m.status !== 'active');
  const active = cut === -1 ? chain : chain.slice(0, cut);
  return { ancestorIds: active.map((m) => m.id).reverse() };
}
