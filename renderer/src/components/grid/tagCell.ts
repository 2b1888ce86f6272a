import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';

type Describe = (value: unknown) => { text: string; color: string | undefined } | null;

/**
 * A coloured tag as a plain DOM cell renderer (AG Grid's component interface, not React). React cell
 * components cost a commit per cell; with dozens per 100-row block, sorting felt sluggish.
 */
export function tagCell(describe: Describe): new () => ICellRendererComp {
  return class TagCell implements ICellRendererComp {
    private readonly el = document.createElement('span');

    init(p: ICellRendererParams): void {
      this.render(p.value);
    }

    getGui(): HTMLElement {
      return this.el;
    }

    refresh(p: ICellRendererParams): boolean {
      this.render(p.value);
      return true;
    }

    private render(value: unknown): void {
      const tag = describe(value);
      this.el.className = tag ? `cell-tag ${tag.color ?? ''}` : '';
      this.el.textContent = tag?.text ?? '';
    }
  };
}
