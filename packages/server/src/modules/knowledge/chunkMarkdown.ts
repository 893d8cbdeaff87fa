export interface MarkdownChunk {
  /** The nearest heading above the chunk, without the #s; empty before the first heading. */
  heading: string;
  text: string;
}

const maxChunkCharacters = 400;

/**
 * Splits an article into retrieval passages: one per section, long sections cut at paragraph
 * boundaries, so a passage is short enough to answer one question and keeps its heading for context.
 */
export function chunkMarkdown(markdown: string): MarkdownChunk[] {
  const chunks: MarkdownChunk[] = [];
  let heading = '';
  let paragraphs: string[] = [];
  const flush = (): void => {
    let current = '';
    for (const paragraph of paragraphs) {
      if (current && current.length + paragraph.length > maxChunkCharacters) {
        chunks.push({ heading, text: current });
        current = '';
      }
      current = current ? `${current}\n${paragraph}` : paragraph;
    }
    if (current) chunks.push({ heading, text: current });
    paragraphs = [];
  };
  for (const block of markdown.split(/\n\s*\n/)) {
    const lines = block.split('\n');
    const headingLine = lines[0]?.match(/^#{1,6}\s+(.+)$/);
    if (headingLine) {
      flush();
      heading = headingLine[1]?.trim() ?? '';
      const rest = lines.slice(1).join('\n').trim();
      if (rest) paragraphs.push(rest);
      continue;
    }
    const text = block.trim();
    if (text) paragraphs.push(text);
  }
  flush();
  return chunks;
}
