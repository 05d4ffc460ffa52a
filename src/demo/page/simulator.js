// The simulator page: polls the demo for what the chosen person sees and renders it; sends what
// they do (a command, a submit, a click) to the demo, which signs it as Slack does and posts it to
// the bot. Block Kit rendering is in block-kit.js.
'use strict';

const $ = (id) => document.getElementById(id);
const page = {
  user: '',
  people: [],
  typed: [], // the commands this page sent, shown in the channel as the person's own messages
  shown: {}, // what each region last rendered, so unchanged regions keep focus and typed text
  asked: 0, // refreshes started, and the newest one whose answer was shown: an older answer
  applied: 0, // arriving late must not put back what a newer one replaced (a modal just opened)
};

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error ?? `HTTP ${response.status}`);
  return answer;
}

/** Re-renders a region only when what it shows has changed. */
function renderIfChanged(region, data, render) {
  const key = JSON.stringify(data);
  if (page.shown[region] === key) return;
  page.shown[region] = key;
  render(data);
}

// --- who you are, and the message box ---

function renderPeople(people) {
  const picker = $('who');
  picker.replaceChildren();
  for (const person of people) {
    // The note says so when someone has no phone.
    const details = [person.role, person.note, person.phone && `phone ${person.phone}`].filter(Boolean).join('; ');
    picker.append(new Option(`${person.name} (${details})`, person.id));
  }
  page.user = page.user || people[0]?.id || '';
  picker.value = page.user;
}

$('who').addEventListener('change', () => {
  page.user = $('who').value;
  page.shown = { people: page.shown.people };
  refresh();
});

$('message-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('message').value.trim();
  if (!text) return;
  $('message').value = '';
  page.typed.push({ user: page.user, text, at: Date.now() / 1000 });
  await act(() => post('/sim/message', { user: page.user, text }));
});

// --- messages: the channel (your commands, ephemeral answers) and DMs ---

function messageItem(sender, message, extra) {
  const item = document.createElement('li');
  item.innerHTML = `<span class="sender">${BlockKit.escapeHtml(sender)}</span>${extra ?? ''}`;
  const body = document.createElement('div');
  if (message.blocks?.length) {
    body.append(BlockKit.render(message.blocks, {
      idPrefix: `m${message.ts.replace('.', '_')}`,
      onButton: (element, block) => clickButton(element, block, { messageTs: message.ts }),
    }));
  } else {
    body.innerHTML = BlockKit.mrkdwn(message.text ?? '');
  }
  item.append(body);
  return item;
}

function renderChannel(data) {
  const you = page.people.find((person) => person.id === page.user)?.name ?? 'you';
  const items = [
    ...data.typed.map((typed) => ({ at: typed.at, node: messageItem(you, { ts: String(typed.at), text: typed.text }) })),
    ...data.ephemeral.map((message) => ({
      at: Number(message.ts),
      node: messageItem('passdesk', message, ` <span class="only-you">${BlockKit.escapeHtml(BlockKit.clientWords().onlyYou)}</span>`),
    })),
  ].sort((a, b) => a.at - b.at);
  $('channel').replaceChildren(...items.map((entry) => entry.node));
}

function renderDms(messages) {
  $('dms').replaceChildren(...messages.map((message) => messageItem('passdesk', message)));
}

/** The help desk's channel, for its members only; hidden for everyone else. */
function renderHelpdeskChannel(channel) {
  $('helpdesk-channel').hidden = !channel;
  if (!channel) return;
  $('helpdesk-channel-heading').textContent = channel.name;
  $('helpdesk-messages').replaceChildren(...channel.messages.map((message) => messageItem('passdesk', message)));
}

// --- global shortcuts (Slack's ⚡ menu) ---

function renderShortcuts(shortcuts) {
  $('shortcuts').replaceChildren(...shortcuts.map((shortcut) => {
    const choice = Object.assign(document.createElement('button'), { type: 'button', textContent: shortcut.name });
    choice.addEventListener('click', () => {
      choice.closest('details').open = false;
      act(() => post('/sim/shortcut', { user: page.user, callbackId: shortcut.callbackId }));
    });
    return choice;
  }));
}

// --- the modal ---

function renderModal(view) {
  const layer = $('modal-layer');
  const previous = layer.querySelector('form');
  const saved = previous && previous.dataset.viewId === view?.id ? BlockKit.saveValues(previous) : {};
  layer.replaceChildren();
  layer.hidden = !view;
  if (!view) return;

  const form = document.createElement('form');
  form.className = 'modal';
  form.dataset.viewId = view.id;
  form.setAttribute('role', 'dialog');
  form.setAttribute('aria-modal', 'true');
  form.setAttribute('aria-labelledby', 'modal-title');
  form.innerHTML = `<h2 id="modal-title">${BlockKit.escapeHtml(view.title.text)}</h2><div class="body"></div><div class="foot"></div>`;
  const errors = view.shownErrors ?? {};
  const inputIds = new Set(view.blocks.filter((block) => block.type === 'input').map((block) => block.block_id));
  const body = form.querySelector('.body');
  for (const [blockId, error] of Object.entries(errors)) {
    if (!inputIds.has(blockId)) body.append(Object.assign(document.createElement('p'), { className: 'error', textContent: error }));
  }
  body.append(BlockKit.render(view.blocks, {
    idPrefix: 'v',
    errors,
    onButton: (element, block) => clickButton(element, block, { viewId: view.id, values: BlockKit.stateValues(view.blocks, form, 'v') }),
  }));
  const foot = form.querySelector('.foot');
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: view.close?.text ?? 'Cancel' });
  close.addEventListener('click', () => act(() => post('/sim/close', { user: page.user, viewId: view.id })));
  foot.append(close);
  if (view.submit) foot.append(Object.assign(document.createElement('button'), { type: 'submit', className: 'primary', textContent: view.submit.text }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = BlockKit.stateValues(view.blocks, form, 'v');
    act(() => post('/sim/submit', { user: page.user, viewId: view.id, values }), form);
  });

  layer.append(form);
  BlockKit.restoreValues(form, saved);
  const firstError = form.querySelector('[aria-invalid="true"]');
  (firstError ?? form.querySelector('input, select, textarea'))?.focus();
}

function clickButton(element, block, where) {
  act(() => post('/sim/click', { user: page.user, actionId: element.action_id, blockId: block.block_id, value: element.value, text: element.text.text, ...where }));
}

// --- side panels ---

function renderSms(sms) {
  $('sms').replaceChildren(...sms.slice().reverse().map((message) => {
    const item = document.createElement('li');
    item.innerHTML = `<div class="meta">To ${BlockKit.escapeHtml(message.to)}</div><pre>${BlockKit.escapeHtml(message.body)}</pre>`;
    return item;
  }));
}

function renderMail(mail) {
  $('mail').replaceChildren(...mail.slice().reverse().map((message) => {
    const item = document.createElement('li');
    item.innerHTML = `<div class="meta">To ${BlockKit.escapeHtml(message.to)}</div><strong>${BlockKit.escapeHtml(message.subject)}</strong><pre>${BlockKit.escapeHtml(message.text)}</pre>`;
    return item;
  }));
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const answer = await post('/sim/login', { username: $('login-username').value, password: $('login-password').value });
  const result = $('login-result');
  result.className = answer.accepted ? 'accepted' : 'refused';
  result.textContent = `${answer.accepted ? 'Accepted' : 'Refused'}: ${answer.detail}`;
});

$('sweep').addEventListener('click', async () => {
  const answer = await act(() => post('/sim/sweep', {}), $('sweep'));
  if (answer) $('sweep-result').textContent = answer.summary;
});

// --- the loop ---

/** Runs one action with `busy` disabled meanwhile, then shows its effect at once. */
async function act(action, busy) {
  const controls = busy ? busy.querySelectorAll?.('button').length ? [...busy.querySelectorAll('button')] : [busy] : [];
  for (const control of controls) control.disabled = true;
  try {
    return await action();
  } catch (error) {
    page.typed.push({ user: page.user, text: `(the simulator could not do that: ${error.message})`, at: Date.now() / 1000 });
    return undefined;
  } finally {
    for (const control of controls) control.disabled = false;
    await refresh();
  }
}

async function refresh() {
  const user = page.user;
  page.asked += 1;
  const asked = page.asked;
  const state = await (await fetch(`/sim/state?user=${encodeURIComponent(user)}`)).json();
  if (user !== page.user || asked < page.applied) return;
  page.applied = asked;
  page.people = state.people;
  renderIfChanged('people', state.people, renderPeople);
  BlockKit.setWorkspace(state.people, state.people.find((person) => person.id === page.user)?.locale);
  $('commands').textContent = state.commands.join(' · ');
  renderIfChanged('shortcuts', state.shortcuts, renderShortcuts);
  renderIfChanged('helpdesk-channel', state.helpdeskChannel, renderHelpdeskChannel);
  $('reminders').hidden = !state.reminders;
  renderIfChanged('modal', state.view, renderModal);
  renderIfChanged('dms', state.messages.filter((message) => !message.ephemeral), renderDms);
  renderIfChanged('channel', {
    typed: page.typed.filter((typed) => typed.user === page.user),
    ephemeral: state.messages.filter((message) => message.ephemeral),
  }, renderChannel);
  renderIfChanged('sms', state.sms, renderSms);
  renderIfChanged('mail', state.mail, renderMail);
}

async function poll() {
  try {
    await refresh();
  } catch {
    // The demo stopped or is restarting; keep trying.
  }
  setTimeout(poll, 500);
}

poll();
