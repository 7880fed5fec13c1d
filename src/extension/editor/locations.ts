// Offsets in other articles as editor locations: from the open document when there is one,
// else from the file's text (read once per corpus change), so peeking at mentions in forty
// articles does not open forty documents.
import * as vscode from 'vscode';

type Converter = (offset: number) => vscode.Position;

export class Locations {
  private readonly files = new Map<string, Promise<Converter | undefined>>();

  /** Forget the files read (articles changed on disk). */
  clear(): void {
    this.files.clear();
  }

  async locations(uri: vscode.Uri, spans: readonly { start: number; end: number }[]): Promise<vscode.Location[]> {
    const at = await this.converter(uri);
    if (!at) return [];
    return spans.map((s) => new vscode.Location(uri, new vscode.Range(at(s.start), at(s.end))));
  }

  private converter(uri: vscode.Uri): Promise<Converter | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return Promise.resolve((o: number) => open.positionAt(o));
    const k = uri.toString();
    let p = this.files.get(k);
    if (!p) {
      p = Promise.resolve(vscode.workspace.fs.readFile(uri)).then(
        (bytes) => lineConverter(new TextDecoder().decode(bytes)),
        () => undefined,
      );
      this.files.set(k, p);
    }
    return p;
  }
}

/** offset → Position over a text, by binary search in its line starts (as VS Code counts lines: \n, \r\n, \r). */
export function lineConverter(text: string): Converter {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, offset - starts[lo]);
  };
}
