// Block Kit, rendered as Slack's client shows it, for the blocks and elements passdesk uses:
// header, section (text, fields, button accessory), context, divider, actions (buttons) and
// input (plain text, number, select, radio buttons, checkboxes, user picker).
// Each input is labelled by its Block Kit label; its hint and error are linked with aria-describedby.
'use strict';

const BlockKit = (() => {
  const EMOJI = {
    white_check_mark: '✅', warning: '⚠️', x: '❌', lock: '🔒', key: '🔑', hourglass: '⌛', hourglass_flowing_sand: '⏳',
    bell: '🔔', information_source: 'ℹ️', wave: '👋', incoming_envelope: '📨', rotating_light: '🚨', no_entry: '⛔',
    no_entry_sign: '🚫', ok_hand: '👌',
  };

  /** The words Slack's own client shows around an app's blocks, in the person's Slack language. */
  const CLIENT_WORDS = {
    en: { optional: '(optional)', choose: 'Choose…', onlyYou: 'Only visible to you' },
    it: { optional: '(facoltativo)', choose: 'Scegli…', onlyYou: 'Visibile solo a te' },
    pl: { optional: '(opcjonalne)', choose: 'Wybierz…', onlyYou: 'Widoczne tylko dla Ciebie' },
  };
  let names = {}; // Slack user id → name, for <@U…> mentions
  let words = CLIENT_WORDS.en;

  /** Who is in the workspace (for mentions and user pickers), and the language of the client's own words. */
  function setWorkspace(people, locale) {
    names = Object.fromEntries(people.map((person) => [person.id, person.name]));
    words = CLIENT_WORDS[String(locale ?? 'en').slice(0, 2)] ?? CLIENT_WORDS.en;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  /**
   * Slack's date token `<!date^seconds^{date_long} {time}|fallback>`, as Slack shows it: in the
   * reader's own language and time zone (here the browser's).
   */
  function slackDate(seconds, format) {
    const date = new Date(seconds * 1000);
    const styles = { date_long: { dateStyle: 'long' }, date: { dateStyle: 'medium' }, date_short: { dateStyle: 'short' }, time: { timeStyle: 'short' } };
    const text = format.replace(/\{(\w+)\}/g, (whole, token) => (styles[token] ? new Intl.DateTimeFormat(undefined, styles[token]).format(date) : whole));
    return `<time datetime="${date.toISOString()}">${escapeHtml(text)}</time>`;
  }

  /** Slack's text escapes: apps send &amp; &lt; &gt; for the characters themselves. */
  function unescapeSlack(text) {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  /** Slack's mrkdwn: ```preformatted```, `code`, *bold*, _italic_, ~strike~, <url|text>, <@user>, <!date^…>, :emoji:, line breaks. */
  function mrkdwn(text) {
    const parts = String(text).split('```');
    return parts.map((part, index) => (index % 2 === 1 && index < parts.length - 1
      ? `<pre class="code-block">${escapeHtml(unescapeSlack(part.replace(/^\n/, '')))}</pre>`
      : inline(part))).join('');
  }

  /** One stretch of mrkdwn outside ``` blocks: its <…> tokens (links, mentions), then the formatting. */
  function inline(text) {
    return text.split(/(<[^<>]*>)/).map((piece) => {
      const token = /^<([^<>]*)>$/.exec(piece);
      return token ? special(token[1]) : formatted(escapeHtml(unescapeSlack(piece)));
    }).join('').replace(/\n/g, '<br>');
  }

  function special(inner) {
    const [target, label] = inner.split('|');
    const date = /^!date\^(\d+)\^([^^]*)/.exec(target);
    if (date) return slackDate(Number(date[1]), date[2]);
    if (target.startsWith('@')) return `<span class="mention">@${escapeHtml(names[target.slice(1)] ?? label ?? target.slice(1))}</span>`;
    if (target.startsWith('#')) return `<span class="mention">#${escapeHtml(label ?? target.slice(1))}</span>`;
    if (target.startsWith('!')) return `<span class="mention">@${escapeHtml(target.slice(1))}</span>`;
    const url = unescapeSlack(target);
    if (!/^(https?:|mailto:)/.test(url)) return escapeHtml(unescapeSlack(`<${inner}>`));
    return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(unescapeSlack(label ?? url))}</a>`;
  }

  /** `code` first (nothing inside it is formatted), then *bold*, _italic_, ~strike~ and :emoji: around it. */
  function formatted(html) {
    return html.split(/(`[^`\n]+`)/).map((segment, index) => (index % 2 === 1
      ? `<code>${segment.slice(1, -1)}</code>`
      : ['*strong', '_em', '~s'].reduce((html, [mark, ...tag]) => emphasis(html, mark, tag.join('')), segment)
        .replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole))).join('');
  }

  /**
   * *bold*, _italic_, ~strike~ as Slack reads them: the marks stand at word edges (the opening one
   * after a space or the start, the closing one before a space, punctuation or the end), so marks
   * inside a word, as in a masked address `a***i@uni.example`, stay as they are.
   */
  function emphasis(html, mark, tag) {
    const m = `\\${mark}`;
    const pattern = new RegExp(`(^|[\\s(\\[{"'])${m}(?=\\S)([^\\n]*?\\S)${m}(?=$|[\\s.,;:!?)\\]}"'—–-])`, 'g');
    return html.replace(pattern, `$1<${tag}>$2</${tag}>`);
  }

  function textHtml(textObject) {
    if (!textObject) return '';
    return textObject.type === 'mrkdwn' ? mrkdwn(textObject.text) : escapeHtml(textObject.text).replace(/\n/g, '<br>');
  }

  function el(tag, attributes = {}, html) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
    }
    if (html !== undefined) node.innerHTML = html;
    return node;
  }

  /** A DOM id for an input element, stable across renders of the same block and action. */
  function inputId(prefix, block) {
    return `${prefix}-${block.block_id}-${block.element.action_id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  }

  function button(element, block, ctx) {
    const node = el('button', { type: 'button', class: element.style ?? undefined }, escapeHtml(element.text.text));
    node.addEventListener('click', () => {
      if (element.url) window.open(element.url, '_blank', 'noopener');
      ctx.onButton(element, block);
    });
    return node;
  }

  function optionText(option) {
    return option.text.text;
  }

  function allOptions(element) {
    return element.options ?? (element.option_groups ?? []).flatMap((group) => group.options);
  }

  /** The form control(s) of an input block; `describedBy` names its hint and error. */
  function control(block, id, describedBy, ctx) {
    const element = block.element;
    const common = { id, 'aria-describedby': describedBy || undefined, 'data-block': block.block_id };
    switch (element.type) {
      case 'plain_text_input': {
        const tag = element.multiline ? 'textarea' : 'input';
        const node = el(tag, { ...common, maxlength: element.max_length, placeholder: element.placeholder?.text, autocomplete: 'off' });
        node.value = element.initial_value ?? '';
        return node;
      }
      case 'number_input': {
        const node = el('input', { ...common, type: 'number', step: element.is_decimal_allowed ? 'any' : '1', min: element.min_value, max: element.max_value });
        node.value = element.initial_value ?? '';
        return node;
      }
      case 'static_select':
      case 'users_select': {
        const node = el('select', common);
        node.append(el('option', { value: '' }, escapeHtml(element.placeholder?.text ?? words.choose)));
        const choices = element.type === 'users_select'
          ? Object.entries(names).map(([value, name]) => ({ value, text: name }))
          : allOptions(element).map((option) => ({ value: option.value, text: optionText(option) }));
        const initial = element.type === 'users_select' ? element.initial_user : element.initial_option?.value;
        for (const choice of choices) node.append(el('option', { value: choice.value, selected: choice.value === initial }, escapeHtml(choice.text)));
        return node;
      }
      case 'radio_buttons':
      case 'checkboxes': {
        const group = el('div', { ...common, role: element.type === 'radio_buttons' ? 'radiogroup' : 'group', 'aria-labelledby': `${id}-label` });
        const initial = element.type === 'radio_buttons' ? [element.initial_option?.value] : (element.initial_options ?? []).map((option) => option.value);
        element.options.forEach((option, index) => {
          const choiceId = `${id}-${index}`;
          const input = el('input', { type: element.type === 'radio_buttons' ? 'radio' : 'checkbox', id: choiceId, name: id, value: option.value, checked: initial.includes(option.value) });
          const label = el('label', { for: choiceId, class: 'choice' });
          label.append(input, ` ${optionText(option)}`);
          group.append(label);
        });
        return group;
      }
      default:
        return el('p', { class: 'hint' }, `(${escapeHtml(element.type)} is not shown by the simulator)`);
    }
  }

  function inputBlock(block, ctx) {
    const id = inputId(ctx.idPrefix, block);
    const grouped = block.element.type === 'radio_buttons' || block.element.type === 'checkboxes';
    const wrapper = el('div', { class: 'block input' });
    // The label is exactly the Block Kit label; Slack's own "(optional)" stands beside it.
    const label = grouped ? el('span', { class: 'label', id: `${id}-label` }, escapeHtml(block.label.text)) : el('label', { for: id }, escapeHtml(block.label.text));
    const heading = el('div', { class: 'label-line' });
    heading.append(label);
    if (block.optional) heading.append(el('span', { class: 'hint' }, ` ${escapeHtml(words.optional)}`));
    wrapper.append(heading);
    const error = ctx.errors?.[block.block_id];
    const describedBy = [block.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const node = control(block, id, describedBy, ctx);
    if (error) node.setAttribute('aria-invalid', 'true');
    wrapper.append(node);
    if (error) wrapper.append(el('p', { class: 'error', id: `${id}-error` }, escapeHtml(error)));
    if (block.hint) wrapper.append(el('p', { class: 'hint', id: `${id}-hint` }, escapeHtml(block.hint.text)));
    return wrapper;
  }

  function renderBlock(block, ctx) {
    switch (block.type) {
      case 'header':
        return el('div', { class: 'block header' }, `<h3>${escapeHtml(block.text.text)}</h3>`);
      case 'divider':
        return el('hr', { class: 'block divider' });
      case 'context':
        return el('div', { class: 'block context' }, block.elements.map((item) => (item.type === 'image' ? '' : textHtml(item))).join(' '));
      case 'section': {
        const node = el('div', { class: block.accessory ? 'block section with-accessory' : 'block section' });
        const body = el('div', {}, textHtml(block.text));
        if (block.fields) body.append(el('div', { class: 'fields' }, block.fields.map((field) => `<div>${textHtml(field)}</div>`).join('')));
        node.append(body);
        if (block.accessory?.type === 'button') node.append(button(block.accessory, block, ctx));
        return node;
      }
      case 'actions': {
        const node = el('div', { class: 'block actions' });
        for (const element of block.elements) if (element.type === 'button') node.append(button(element, block, ctx));
        return node;
      }
      case 'input':
        return inputBlock(block, ctx);
      default:
        return el('p', { class: 'hint' }, `(a ${escapeHtml(block.type)} block)`);
    }
  }

  /**
   * Renders `blocks` into a fragment. ctx: { idPrefix, errors (by block_id), onButton(element, block) }.
   */
  function render(blocks, ctx) {
    const fragment = document.createDocumentFragment();
    for (const block of blocks ?? []) fragment.append(renderBlock(block, ctx));
    return fragment;
  }

  /** What the user has entered, in Slack's view.state.values shape: block_id → action_id → value. */
  function stateValues(blocks, root, idPrefix) {
    const values = {};
    for (const block of blocks ?? []) {
      if (block.type !== 'input') continue;
      const element = block.element;
      const id = inputId(idPrefix, block);
      const node = root.querySelector(`#${id}`);
      if (!node) continue;
      const option = (value) => allOptions(element).find((candidate) => candidate.value === value) ?? null;
      const asOption = (found) => (found ? { text: found.text, value: found.value } : null);
      let value;
      switch (element.type) {
        case 'plain_text_input':
        case 'number_input':
          value = { type: element.type, value: node.value === '' ? null : node.value };
          break;
        case 'static_select':
          value = { type: element.type, selected_option: asOption(option(node.value)) };
          break;
        case 'users_select':
          value = { type: element.type, selected_user: node.value || null };
          break;
        case 'radio_buttons': {
          const checked = node.querySelector('input:checked');
          value = { type: element.type, selected_option: checked ? asOption(option(checked.value)) : null };
          break;
        }
        case 'checkboxes':
          value = { type: element.type, selected_options: [...node.querySelectorAll('input:checked')].map((box) => asOption(option(box.value))) };
          break;
        default:
          continue;
      }
      values[block.block_id] = { [element.action_id]: value };
    }
    return values;
  }

  /** Puts back what the user had typed in inputs that are still there after a re-render. */
  function restoreValues(root, saved) {
    for (const [id, value] of Object.entries(saved)) {
      const node = root.querySelector(`#${id}`);
      if (!node) continue;
      if (node.matches('input, textarea, select')) node.value = value;
      else for (const box of node.querySelectorAll('input')) box.checked = value.includes(box.value);
    }
  }

  /** What is typed or chosen in each control under `root`, by control id. */
  function saveValues(root) {
    const saved = {};
    for (const node of root.querySelectorAll('[data-block]')) {
      saved[node.id] = node.matches('input, textarea, select') ? node.value : [...node.querySelectorAll('input:checked')].map((box) => box.value);
    }
    return saved;
  }

  return { render, stateValues, saveValues, restoreValues, setWorkspace, clientWords: () => words, mrkdwn, textHtml, escapeHtml };
})();
