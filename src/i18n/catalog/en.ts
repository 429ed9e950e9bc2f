import type { MessageKey } from './zh.js';

export const en: Record<MessageKey, string> = {
  'role.secretary': 'branch secretary',
  'role.liaison': 'class liaison',
  'role.league_secretary': 'Youth League secretary',
  'role.counselor': 'counselor',
  'role.student': 'student',

  'error.generic': 'Sorry, something went wrong. Please try again later.',
  'error.notAllowed': 'Sorry, only the {who} can use this command.',
  'error.privateOnly': 'Please use this command in a private chat with me.',
  'error.groupOnly': 'Please use this command in your class group chat.',
  'error.unknownCommand': "I don't know that command. Send /help to see the commands you can use.",
  'private.freeText': 'Hello! Send /help to see what I can do.',

  'start.welcome':
    'Hello, {name}! I am the <b>Class Party-building Assistant</b>: I help the branch and class liaisons pass on notices, answer questions about joining the Party, and remind of class meetings and reports.',
  'help.header': '<b>Commands you can use</b>',
  'help.groupHeader': '<b>Commands in this group</b>',
  'help.footer': 'Questions about joining the Party? Ask your class’s two liaisons (send /liaisons in the class group).',
  'cmd.start': 'Start',
  'cmd.help': 'Show the commands you can use',
  'cmd.whoami': 'Show my roles',
  'cmd.cancel': 'Leave the current dialogue',
  'dialogue.cancelled': 'Cancelled; nothing was saved.',
  'dialogue.nothingToCancel': 'There is nothing to cancel.',
  'cmd.liaisons': "This class's two liaisons",
  'cmd.bind': 'Bind this group to a class: /bind CLASS_CODE',
  'cmd.class_add': 'Create a class: /class_add NAME [CODE]',
  'cmd.classes': 'List classes with liaisons and bound groups',
  'cmd.invite': 'Create an invite link: /invite liaison|league|counselor CLASS, or /invite secretary',
  'whoami.header': '<b>{name}</b>, your roles:',
  'whoami.none':
    'You have no registered role: you are a student. If you are a liaison or a secretary, open the invite link the branch sent you.',
  'whoami.secretaryLine': '• {role} ({branch})',
  'whoami.classLine': '• {role}: {class} ({branch})',

  'invite.usage':
    'Usage:\n/invite liaison CLASS — invite a liaison\n/invite league CLASS — invite the Youth League secretary\n/invite counselor CLASS — invite a counselor\n/invite secretary — invite another secretary\nCLASS is the class name or code, e.g. /invite liaison CS2101',
  'invite.classNotFound': 'No class "{class}" was found. Send /classes to see the branch’s classes.',
  'invite.classFull':
    '{class} already has two liaisons ({names}). Under the "2+1" model two Party members guide each class; to replace one, ask the administrator to remove one first.',
  'invite.created':
    'Invite link created ({role}{target}). It works once and expires in 7 days:\n{link}\n\nSend it privately; the person opens it and presses Start to be registered.',
  'invite.redeem.invalid': 'This invite link is not valid. Please ask the branch secretary for a new one.',
  'invite.redeem.used': 'This invite link has already been used. Each link works once; please ask the branch secretary for a new one.',
  'invite.redeem.expired': 'This invite link has expired (links last 7 days). Please ask the branch secretary for a new one.',
  'invite.redeem.revoked': 'This invite link was withdrawn. Please ask the branch secretary for a new one.',
  'invite.redeem.classFull':
    '{class} already has two liaisons; a third cannot be registered. Under the "2+1" model two Party members guide each class. Please check with the branch secretary.',
  'invite.redeem.leagueTaken': '{class} already has a Youth League secretary ({name}). Please check with the branch secretary.',
  'invite.redeem.already': 'You are already the {role} of {target}; nothing to do.',
  'invite.redeem.secretary':
    'Done! You are now the secretary of <b>{branch}</b>.\n\nNext:\n• /class_add CS2101 — create a class\n• /invite liaison CS2101 — invite the class liaisons\n• /classes — list all classes\n• add me to each class group and send /bind CLASS_CODE there',
  'invite.redeem.classRole':
    'Done! You are now the {role} of <b>{class}</b>.\n\nAdd me to the class group (if I am not there yet) and send /bind {code} there. Send /help to see your commands.',
  'invite.redeem.groupOnlyPrivate': 'Please open the invite link in a private chat with me.',

  'class.add.usage':
    'Usage: /class_add NAME [CODE]\ne.g. /class_add 计科2101 CS2101. The code is optional (I make one); it may contain letters, digits, - and _.',
  'class.add.badName': 'A class name is 1–32 characters without line breaks or special symbols, e.g. "计科2101".',
  'class.add.badCode': 'A class code is 1–16 letters, digits, - or _, e.g. CS2101.',
  'class.add.duplicateName': 'The branch already has a class named "{name}".',
  'class.add.duplicateCode': 'The code "{code}" is already used by another class of the branch; please choose another.',
  'class.add.created':
    'Created class <b>{name}</b> (code <code>{code}</code>).\nNext: /invite liaison {code} to invite its two liaisons; send /bind {code} in the class group to bind it.',
  'classes.empty': 'The branch has no classes yet. Create one with /class_add CS2101.',
  'classes.header': '<b>{branch}</b> has {count} classes:',
  'classes.line':
    '<b>{name}</b> (<code>{code}</code>)\n  Liaisons: {liaisons}{flag}\n  League secretary: {league}\n  Counselors: {counselors}\n  Group: {chat}',
  'classes.none': 'none',
  'classes.unbound': 'not bound',
  'classes.inactiveChat': '{title} (bot was removed)',
  'classes.flag': ' ⚠️ should be two, has {count}',
  'classes.summary': '⚠️ {count} classes do not have exactly two liaisons.',

  'group.added':
    'Hello everyone, I am the <b>Class Party-building Assistant</b>.\nA group admin or one of the class liaisons: please send /bind CLASS_CODE (e.g. /bind CS2101) to bind this group to its class. The branch secretary knows the class code.',
  'bind.usage': 'Usage: /bind CLASS_CODE (or the class name), e.g. /bind CS2101. The branch secretary knows the class code.',
  'bind.notFound': 'No class "{class}" was found. Check the code or ask the branch secretary.',
  'bind.ambiguous': 'Several branches have a class "{class}"; please use the class code.',
  'bind.notAllowed': 'Only a group admin or a liaison of that class can bind this group.',
  'bind.done': 'This group is now bound to <b>{class}</b> ({branch}). Send /liaisons to see the class’s two liaisons.',
  'bind.moved':
    'This group is now bound to <b>{class}</b> ({branch}). The group "{previous}" that was bound to this class before has been unbound.',
  'bind.already': 'This group is already bound to <b>{class}</b>.',
  'liaisons.notBound': 'This group is not bound to a class yet. A group admin or liaison: send /bind CLASS_CODE.',
  'liaisons.list': 'Liaisons of <b>{class}</b>:\n{names}\n\nQuestions about joining the Party? Tap a name to message them privately.',
  'liaisons.none': '<b>{class}</b> has no registered liaisons yet; please contact the branch secretary.',
  'liaisons.missing': '(A class should have two liaisons; this one has {count}. Please ask the branch secretary to add one.)',
};
