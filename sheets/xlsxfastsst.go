package sheets

import "bytes"

// A shared-strings part is one <si> per distinct text, nearly all of one plain run:
// <si><t>text</t></si>. fastStrings reads such entries straight from the tokenizer's
// buffer, as fastRow reads rows, their text one string per buffer read rather than one
// per entry; any other entry (rich text, phonetic runs, a comment) is left to the
// tokenizer. TestFastStringsMatchTokenizer holds the two to the same table.

// fastStrings adds to out the plain entries that follow in the tokenizer's stream,
// stopping before the first that is not plain (or the end of the table).
func fastStrings(tok *xmlTokens, f *fastRowState, out []string) []string {
	if f.off {
		return out
	}
	for {
		n := f.parseStrings(tok.buffered())
		if n == 0 && !bytes.Contains(tok.buffered(), []byte("</si>")) {
			n = f.parseStrings(tok.fill()) // an entry runs past the buffer's end
		}
		if n == 0 {
			return out
		}
		tok.discard(n)
		f.taken++
		text := string(f.text)
		start := 0
		for _, end := range f.ends {
			out = append(out, bstrUnmarshal(text[start:end]))
			start = end
		}
	}
}

// parseStrings reads the whole plain entries at the head of buf, their text into
// f.text and its ends into f.ends; n is how many bytes they took.
func (f *fastRowState) parseStrings(buf []byte) (n int) {
	f.text, f.ends = f.text[:0], f.ends[:0]
	for b := buf; ; {
		_, self, rest, ok := startTag(skipXMLSpace(b), "si")
		if ok && !self {
			rest, ok = f.inlineString(rest, false, "</si>")
		}
		if !ok {
			return n
		}
		f.ends = append(f.ends, len(f.text))
		b, n = rest, len(buf)-len(rest)
	}
}
