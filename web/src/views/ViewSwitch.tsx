/**
 * The view switch under the search box: the topic map, the paper map, or the focus graph
 * around the selection. The selection stays when the view changes.
 */
import type { ViewName } from '../core/selection/view-state.ts';
import { ChoiceButtons } from './common/ChoiceButtons.tsx';

const CHOICES: readonly { value: ViewName; label: string; title: string }[] = [
  { value: 'topics', label: 'Topics', title: 'Topic map: topics linked by the papers they share' },
  {
    value: 'papers',
    label: 'Papers',
    title: 'Paper map: papers linked to their most related papers',
  },
  {
    value: 'focus',
    label: 'Focus',
    title: 'The neighbourhood of the selection: its papers, topics and repositories',
  },
];

export function ViewSwitch({
  view,
  onChange,
}: {
  view: ViewName;
  onChange: (view: ViewName) => void;
}) {
  return (
    <ChoiceButtons
      label="View"
      choices={CHOICES}
      value={view}
      onChange={onChange}
      className="segmented view-switch"
      buttonClassName="segmented__choice"
    />
  );
}
