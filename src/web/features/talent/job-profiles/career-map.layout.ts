import dagre from '@dagrejs/dagre';

export type MapProfile = { id: string; name: string; family: string | null; holderCount: number };
export type MapStep = { id: string; fromProfileId: string; toProfileId: string; kind: 'promotion' | 'lateral' };

export type PlacedNode = MapProfile & { x: number; y: number };
export type PlacedEdge = MapStep & { sourceSide: 'top' | 'left' | 'right'; targetSide: 'bottom' | 'left' | 'right' };
export type CareerLayout = {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  unlinked: MapProfile[];
  /** Each linked profile's group of connected roles (an opaque key shared by the group). */
  groupOf: ReadonlyMap<string, string>;
};

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 92;

/** Space between the separate ladders of the map, and the width a row of ladders wraps at. */
const GAP = 72;
const ROW_WIDTH = 1600;

/**
 * Places job profiles for the career map: promotions are dagre's layers (bottom to top, so "up"
 * is a step up), lateral moves join profiles sideways without changing layers (dagre cannot lay
 * an edge within one layer, so they take no part in the layering and are drawn side to side).
 * Each group of connected roles (a family's ladder, usually) is laid out on its own and the
 * groups are packed in rows, largest first: dagre would otherwise put every group side by side in
 * one row as wide as the organisation. Profiles with no path at all are left out of the picture
 * and returned apart.
 */
export function layoutCareerMap(profiles: MapProfile[], steps: MapStep[]): CareerLayout {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const live = steps.filter((s) => byId.has(s.fromProfileId) && byId.has(s.toProfileId) && s.fromProfileId !== s.toProfileId);
  const linked = new Set(live.flatMap((s) => [s.fromProfileId, s.toProfileId]));

  // Connected groups over every step, promotions and lateral moves alike (union-find).
  const parent = new Map<string, string>([...linked].map((id) => [id, id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const s of live) parent.set(root(s.fromProfileId), root(s.toProfileId));
  const groups = new Map<string, MapProfile[]>();
  // Family then name order gives dagre a stable starting order, so a family's ladders sit together.
  const ordered = profiles.filter((p) => linked.has(p.id)).sort((a, b) => (a.family ?? '~').localeCompare(b.family ?? '~') || a.name.localeCompare(b.name));
  for (const p of ordered) groups.set(root(p.id), [...(groups.get(root(p.id)) ?? []), p]);

  const laid = [...groups.values()].map((members) => {
    const ids = new Set(members.map((m) => m.id));
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'BT', nodesep: 28, ranksep: 56 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const m of members) g.setNode(m.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    for (const s of live) if (s.kind === 'promotion' && ids.has(s.fromProfileId)) g.setEdge(s.fromProfileId, s.toProfileId, { minlen: 1, weight: 2 });
    dagre.layout(g);
    const { width = NODE_WIDTH, height = NODE_HEIGHT } = g.graph() as { width?: number; height?: number };
    // dagre gives centres; the map positions nodes by their top-left corner.
    const nodes = members.map((m) => {
      const n = g.node(m.id) as { x: number; y: number };
      return { ...m, x: n.x - NODE_WIDTH / 2, y: n.y - NODE_HEIGHT / 2 };
    });
    return { nodes, width, height };
  });
  laid.sort((a, b) => b.nodes.length - a.nodes.length || a.nodes[0]!.name.localeCompare(b.nodes[0]!.name));

  // Shelf packing: left to right, a new row when the next group would pass the row width.
  const rowWidth = Math.max(ROW_WIDTH, ...laid.map((l) => l.width));
  const nodes: PlacedNode[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const l of laid) {
    if (x > 0 && x + l.width > rowWidth) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    for (const n of l.nodes) nodes.push({ ...n, x: n.x + x, y: n.y + y });
    x += l.width + GAP;
    rowHeight = Math.max(rowHeight, l.height);
  }

  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges = live.map((s): PlacedEdge => {
    if (s.kind === 'promotion') return { ...s, sourceSide: 'top', targetSide: 'bottom' };
    const leftToRight = at.get(s.fromProfileId)!.x <= at.get(s.toProfileId)!.x;
    return { ...s, sourceSide: leftToRight ? 'right' : 'left', targetSide: leftToRight ? 'left' : 'right' };
  });
  const groupOf = new Map([...linked].map((id) => [id, root(id)]));
  return { nodes, edges, unlinked: profiles.filter((p) => !linked.has(p.id)), groupOf };
}
