import type { Notice } from '../../ipc/contract';

/**
 * Things that happened before any window was listening (a database recovered at start-up). The
 * renderer asks for them once it is up; events alone would be lost.
 */
export class Notices {
  readonly #notices: Notice[] = [];

  add(notice: Notice): void {
    this.#notices.push(notice);
  }

  list(): Notice[] {
    return [...this.#notices];
  }
}
