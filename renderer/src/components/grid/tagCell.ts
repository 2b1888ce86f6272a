import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';

export type CellTag = { text: string; color: string | undefined; testId?: string };
type Describe = (value: unknown, row: unknown) => CellTag | null;
type DescribeAll = (value: unknown, row: unknown) => CellTag[];

/**
 * Coloured tags as a plain DOM cell renderer (AG Grid's component interface, not React). React cell
 * components cost a commit per cell; with dozens per 100-row block, sorting felt sluggish.
 */
export function tagListCell(describe: DescribeAll): new () => ICellRendererComp {
  return class TagListCell implements ICellRendererComp {
    private readonly el = document.createElement('span');

    init(p: ICellRendererParams): void {
      this.render(p);
    }

    getGui(): HTMLElement {
      return this.el;
    }

    refresh(p: ICellRendererParams): boolean {
      this.render(p);
      return true;
    }

    private render(p: ICellRendererParams): void {
      const tags = describe(p.value, p.data);
      // A narrow column cuts the tags off with an ellipsis: the browser tooltip lists them all.
      this.el.title = tags.map((t) => t.text).join('、');
      this.el.replaceChildren(
        ...tags.map((tag) => {
          const span = document.createElement('span');
          span.className = `cell-tag ${tag.color ?? ''}`;
          span.textContent = tag.text;
          if (tag.testId) span.dataset.testid = tag.testId;
          return span;
        }),
      );
    }
  };
}

/** One coloured tag, or nothing. */
export function tagCell(describe: Describe): new () => ICellRendererComp {
  return tagListCell((value, row) => {
    const tag = describe(value, row);
    return tag ? [tag] : [];
  });
}
