// The sensors and screen reader texts of the board's drag and drop.
import {
  type Announcements,
  KeyboardSensor,
  MouseSensor,
  type ScreenReaderInstructions,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import type { Deal } from './board-deals.ts';
import { columnKeyboardCoordinates } from './keyboard-coordinates.ts';

export function useBoardSensors() {
  return useSensors(
    // A few pixels of travel before a drag starts, so a click on the deal's link still opens it.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A press and hold on touch screens, so a swipe still scrolls the columns sideways.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );
}

type Names = { deal: (id: string | number) => string; stage: (id: string | number) => string };

export function announcements(t: TFunction<'board'>, names: Names): Announcements {
  return {
    onDragStart: ({ active }) => t('announce.start', { deal: names.deal(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('announce.over', { deal: names.deal(active.id), stage: names.stage(over.id) })
        : t('announce.outside', { deal: names.deal(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('announce.end', { deal: names.deal(active.id), stage: names.stage(over.id) })
        : t('announce.cancel', { deal: names.deal(active.id) }),
    onDragCancel: ({ active }) => t('announce.cancel', { deal: names.deal(active.id) }),
  };
}

export function instructions(t: TFunction<'board'>): ScreenReaderInstructions {
  return { draggable: t('announce.instructions') };
}

export function dealOf(data: Record<string, unknown> | undefined): Deal | undefined {
  return data?.deal as Deal | undefined;
}
