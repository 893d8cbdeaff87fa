// When the transcript's box changes size (the briefing above it folds, opens or grows), an agent who was
// reading the latest messages keeps seeing them.
import type { RefObject } from 'react';
import { useEffect } from 'react';

export function useFollowLatestOnResize(
  transcript: RefObject<HTMLDivElement | null>,
  stickToBottom: RefObject<boolean>,
  /** The transcript is on screen (not the loading spinner). */
  shown: boolean,
): void {
  useEffect(() => {
    const element = transcript.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (stickToBottom.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [transcript, stickToBottom, shown]);
}
