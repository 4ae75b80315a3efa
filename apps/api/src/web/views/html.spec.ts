import { highlight, highlightAll, html, joinHtml } from './html';

// Under another name, so that Prettier leaves the markup in these templates exactly as written.
const h = html;

describe('html', () => {
  it('escapes every interpolated value, attributes included', () => {
    const note = `<script>alert("x")</script> & 'quotes'`;
    expect(h`<p title="${note}">${note}</p>`.markup).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>',
    );
  });

  it('keeps markup made by html as it is, in arrays too, and drops empty values', () => {
    const items = ['a<b', 'c'].map((x) => h`<li>${x}</li>`);
    expect(h`<ul>${items}</ul>${false}${null}${undefined}${0}`.markup).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>0',
    );
    expect(joinHtml(['<x>', h`<br>`, 'y'], ', ').markup).toBe('&lt;x&gt;, <br>, y');
  });

  it('marks a sentence inside its text, escaping both', () => {
    expect(highlight('1. <b> 2. Bremen wird gebeten.', 'Bremen wird gebeten.')?.markup).toBe(
      '1. &lt;b&gt; 2. <mark>Bremen wird gebeten.</mark>',
    );
    expect(highlight('anderer Text', 'Bremen wird gebeten.')).toBeUndefined();
    expect(highlightAll('A. B. C.', ['C.', 'A.'])?.markup).toBe(
      '<mark>A.</mark> B. <mark>C.</mark>',
    );
  });
});
