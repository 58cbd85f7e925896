import { it } from 'vitest';
import { loadGrammar } from '../../../src/parse/terraform/grammar.js';
import { parseHclFile } from '../../../src/parse/terraform/syntax.js';
import { DEFAULT_LIMITS } from '../../../src/parse/plugin.js';
it('smoke', async () => {
  await loadGrammar();
  const text = 'x = <<-EOT\n    a ${b}\n      c\n    EOT\ny = "q\\"r\\\\n $${c} %%{d} ${~ e ~} f"\nz = "%{ if a }yes%{ else }no%{ endif }%{for x in y}${x}%{endfor}"\nw = a.b[0].c[*].d\nv = (a + b) * -c\nresource "a" "b" {\n dynamic "x" {\n  for_each = {for k, v in m : k => v... if v}\n }\n}\n';
  console.log(JSON.stringify(parseHclFile({ path: 'a.tf', text, size: text.length }, DEFAULT_LIMITS), null, 1));
});
