import '@xyflow/react/dist/style.css';
import './CareerGraph.css';
import { Badge, Group, Text } from '@mantine/core';
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import { useMemo } from 'react';
import { layoutCareerMap, NODE_HEIGHT, NODE_WIDTH, type MapProfile, type MapStep } from './career-map.layout.ts';

type ProfileNodeData = MapProfile & { mine: boolean; aspired: boolean; selected: boolean; dimmed: boolean };
type ProfileNode = Node<ProfileNodeData, 'profile'>;

const PROMOTION = 'var(--mantine-color-teal-8)';
const LATERAL = 'var(--mantine-color-blue-7)';

/**
 * The career map drawn with React Flow: job profiles as nodes placed by dagre, promotions as
 * upward arrows, lateral moves as dashed sideways arrows. Nodes are focusable (Tab) and Enter or a
 * click opens one; the view pans and zooms, nothing is editable here.
 */
export default function CareerGraph({
  profiles,
  steps,
  mineId,
  aspiredIds,
  selectedId,
  matches,
  onOpen,
  height = 560,
}: {
  profiles: MapProfile[];
  steps: MapStep[];
  mineId: string | null;
  aspiredIds: ReadonlySet<string>;
  selectedId: string | null;
  /** When searching, the profiles that match (others are dimmed); null when not searching. */
  matches: ReadonlySet<string> | null;
  onOpen: (profileId: string) => void;
  height?: number;
}) {
  const layout = useMemo(() => layoutCareerMap(profiles, steps), [profiles, steps]);
  const nodes = useMemo(
    (): ProfileNode[] =>
      layout.nodes.map((n) => {
        const mine = n.id === mineId;
        const aspired = aspiredIds.has(n.id);
        return {
          id: n.id,
          type: 'profile',
          position: { x: n.x, y: n.y },
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          data: { ...n, mine, aspired, selected: n.id === selectedId, dimmed: !!matches && !matches.has(n.id) },
          // Named by its visible text (name, badge, family, people), which is what voice control users say.
          ariaRole: 'button',
        };
      }),
    [layout, mineId, aspiredIds, selectedId, matches],
  );
  // The first view frames the viewer's own ladder (or an aspired one) at a readable size; the
  // fit-view button shows the whole organisation.
  const focus = useMemo(() => {
    const anchor = [mineId, ...aspiredIds].find((id) => id && layout.groupOf.has(id));
    if (!anchor) return undefined;
    const group = layout.groupOf.get(anchor);
    return layout.nodes.filter((n) => layout.groupOf.get(n.id) === group).map((n) => ({ id: n.id }));
  }, [layout, mineId, aspiredIds]);
  const names = useMemo(() => new Map(profiles.map((p) => [p.id, p.name])), [profiles]);
  const edges = useMemo(
    (): Edge[] =>
      layout.edges.map((e) => {
        const color = e.kind === 'promotion' ? PROMOTION : LATERAL;
        return {
          id: e.id,
          source: e.fromProfileId,
          target: e.toProfileId,
          sourceHandle: `s-${e.sourceSide}`,
          targetHandle: `t-${e.targetSide}`,
          type: e.kind === 'promotion' ? 'smoothstep' : 'default',
          style: { stroke: color, strokeWidth: 2, strokeDasharray: e.kind === 'lateral' ? '6 4' : undefined },
          markerEnd: { type: MarkerType.ArrowClosed, color, width: 18, height: 18 },
          ariaLabel: `${e.kind === 'promotion' ? 'Promotion' : 'Lateral move'} from ${names.get(e.fromProfileId)} to ${names.get(e.toProfileId)}`,
        };
      }),
    [layout, names],
  );
  return (
    <div
      className="career-graph"
      style={{ height }}
      onKeyDown={(e) => {
        // React Flow focuses nodes but (with selection off) leaves Enter to us.
        const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
        if ((e.key === 'Enter' || e.key === ' ') && el?.dataset.id) {
          e.preventDefault();
          onOpen(el.dataset.id);
        }
      }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, n) => onOpen(n.id)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        nodesFocusable
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1, minZoom: 0.5, nodes: focus }}
        minZoom={0.1}
        maxZoom={1.5}
        ariaLabelConfig={{
          'node.a11yDescription.default': 'Press Enter to open this role and compare yourself with it.',
          'node.a11yDescription.keyboardDisabled': 'Press Enter to open this role.',
        }}
      >
        <Background gap={24} color="var(--mantine-color-gray-3)" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function ProfileNodeView({ data }: NodeProps<ProfileNode>) {
  const border = data.mine ? 'var(--mantine-color-indigo-7)' : data.aspired ? 'var(--mantine-color-violet-7)' : 'var(--mantine-color-gray-4)';
  return (
    <div
      className="career-graph__node"
      data-selected={data.selected || undefined}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT, borderColor: border, borderWidth: data.mine || data.aspired ? 3 : 1, opacity: data.dimmed ? 0.35 : 1 }}
    >
      <Handle type="target" position={Position.Bottom} id="t-bottom" isConnectable={false} />
      <Handle type="target" position={Position.Left} id="t-left" isConnectable={false} />
      <Handle type="target" position={Position.Right} id="t-right" isConnectable={false} />
      <Text size="sm" fw={600} lineClamp={2} lh={1.25} title={data.name}>
        {data.name}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {data.family ?? 'No family'}
      </Text>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {data.holderCount} {data.holderCount === 1 ? 'person' : 'people'}
        </Text>
        {data.mine ? (
          <Badge size="xs" variant="filled" color="indigo">
            My role
          </Badge>
        ) : data.aspired ? (
          <Badge size="xs" variant="filled" color="violet">
            Aspired
          </Badge>
        ) : null}
      </Group>
      <Handle type="source" position={Position.Top} id="s-top" isConnectable={false} />
      <Handle type="source" position={Position.Left} id="s-left" isConnectable={false} />
      <Handle type="source" position={Position.Right} id="s-right" isConnectable={false} />
    </div>
  );
}

const nodeTypes = { profile: ProfileNodeView };
