// A section to open a lesson at (a search hit), handed from the search box to the
// lesson view: routes name lessons only, so the heading travels beside the route.
class SectionTarget {
  pending = $state<{ lessonId: string; sectionId: string } | null>(null);

  set(lessonId: string, sectionId: string | null): void {
    this.pending = sectionId ? { lessonId, sectionId } : null;
  }

  /** The heading to scroll to in this lesson, once; null when there is none. */
  take(lessonId: string): string | null {
    const target = this.pending;
    if (!target || target.lessonId !== lessonId) return null;
    this.pending = null;
    return target.sectionId;
  }
}

export const sectionTarget = new SectionTarget();
