;;; gptel-diagnose.el --- Explain failed gptel requests  -*- lexical-binding: t -*-

;; Copyright (C) 2026 The gptel-diagnose authors

;; Author: The gptel-diagnose authors
;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (gptel "0.9.8") (jsonrpc "1.0.14"))
;; Keywords: tools, convenience
;; URL: https://github.com/gptel-diagnose/gptel-diagnose

;; This file is not part of GNU Emacs.

;; This program is free software; you can redistribute it and/or modify
;; it under the terms of the GNU General Public License as published by
;; the Free Software Foundation, either version 3 of the License, or
;; (at your option) any later version.

;; This program is distributed in the hope that it will be useful,
;; but WITHOUT ANY WARRANTY; without even the implied warranty of
;; MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
;; GNU General Public License for more details.

;; You should have received a copy of the GNU General Public License
;; along with this program.  If not, see <https://www.gnu.org/licenses/>.

;;; Commentary:

;; When a gptel request fails, gptel shows the provider's raw message.
;; `gptel-diagnose-mode' watches every gptel request (`gptel-send',
;; `gptel-rewrite', `gptel-request' with or without a callback), and
;; when one fails it asks the gptel-diagnose server what really went
;; wrong.  The answer appears in the echo area as one line that ends
;; with the next action: the `setq' that fixes it, or the one step to
;; take:
;;
;;   gptel-diagnose: Your OpenAI API account is out of credit ...
;;
;; `M-x gptel-diagnose' shows the details of the last failure, in a
;; buffer it selects (like *Help* with `help-window-select'): the
;; explanation, the steps, the fixes as buttons (RET or a click applies
;; one, `a' applies the one at point or the only one), links, the
;; account's balance after a billing failure, and the (redacted) raw
;; error.  `u' undoes a fix, `r' resends the request that failed, `g'
;; diagnoses it again.  The buffer's window comes from `display-buffer'
;; with `gptel-diagnose-display-action', which `display-buffer-alist'
;; overrides.
;;
;; The companion speaks English or Simplified Chinese, as
;; `gptel-diagnose-locale' says (by default: the language environment,
;; then LC_ALL, LC_MESSAGES and LANG).
;;
;; The server is a small Python program speaking JSON-RPC over stdio.
;; It starts in the background when gptel sends its first request (or
;; when Emacs is idle with gptel loaded), never at Emacs start-up.
;; `M-x gptel-diagnose-install-server' installs it into a private
;; environment; `gptel-diagnose-server-command' says how to run it.
;;
;; Nothing here changes a setting by itself, and no API key is ever
;; sent to the server or shown.
;;
;; The code is in layers; each file requires only those below it and
;; never calls up:
;;
;;   gptel-diagnose.el         commands, echo line, details buffer, fixes
;;   gptel-diagnose-gptel.el   the one place that knows gptel's internals
;;   gptel-diagnose-server.el  connection, encoding, redaction, log, install
;;   gptel-diagnose-tables.el  data shared with the server (generated)

;;; Code:

(require 'cl-lib)
(require 'jsonrpc)
(require 'seq)
(require 'subr-x)
(require 'button)
(require 'gptel-diagnose-tables)
(require 'gptel-diagnose-server)
(require 'gptel-diagnose-gptel)

;;;; Customization

(defcustom gptel-diagnose-auto 'automatic
  "When to explain a failed gptel request.
`automatic': at once, in the echo area.  `ask': ask first.
`on-request': only when you call \\[gptel-diagnose]."
  :type '(choice (const :tag "Automatically" automatic)
                 (const :tag "Ask first" ask)
                 (const :tag "Only on request" on-request))
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-echo-lines 2
  "Screen lines the diagnosis may take in the echo area; longer ones are shortened."
  :type 'natnum
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-save-fixes 'never
  "Whether a global fix you apply is saved for future sessions.
`never': it lasts this session (\\[gptel-diagnose-undo-fix] takes it
back).  `ask': applying it asks, in its one question, whether to
save it too.  `always': it is saved with `customize-save-variable'.
A fix made buffer-locally is never saved."
  :type '(choice (const :tag "Never" never)
                 (const :tag "Ask each time" ask)
                 (const :tag "Always" always))
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-select-window t
  "Non-nil means \\[gptel-diagnose] selects the window of the buffer it shows.
Then its keys work at once, as in *Help* with `help-window-select'."
  :type 'boolean
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-display-action
  '((display-buffer-reuse-window display-buffer-pop-up-window))
  "The `display-buffer' action that places the details and checkup buffers.
An entry for \"*gptel-diagnose*\" or \"*gptel-diagnose checkup*\" in
`display-buffer-alist' takes precedence over it."
  :type '(cons (choice (function :tag "Function")
                       (repeat :tag "Functions" function))
               (alist :tag "Action alist"))
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-recent 1800
  "Seconds during which a failure counts as recent for \\[gptel-diagnose].
With no recent failure, \\[gptel-diagnose] runs a checkup instead."
  :type 'natnum
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-check-timeout 25
  "Seconds to wait for a checkup; the server bounds its own probes to 15."
  :type 'number
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defcustom gptel-diagnose-balance-timeout 10
  "Seconds to wait for the balance after a billing failure.
The server gives the provider 5 seconds to answer."
  :type 'number
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defface gptel-diagnose-title '((t :inherit bold))
  "Face of the diagnosis line at the top of the details buffer."
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defface gptel-diagnose-heading '((t :inherit bold))
  "Face of the section headings in the details and checkup buffers."
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defface gptel-diagnose-tag '((t :inherit shadow))
  "Face of a fix's applicability tag: (safe), (unsafe), (display-only)."
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defface gptel-diagnose-code '((t :inherit font-lock-constant-face))
  "Face of code in the details buffer: a `setq', a command, a curl line."
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defface gptel-diagnose-key '((t :inherit help-key-binding))
  "Face of a key in the header line."
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defface gptel-diagnose-pass '((t :inherit success))
  "Face of a check that passed."
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defface gptel-diagnose-warn '((t :inherit warning))
  "Face of a check that warns."
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defface gptel-diagnose-fail '((t :inherit error))
  "Face of a check that failed."
  :group 'gptel-diagnose
  :package-version '(gptel-diagnose . "0.1.0"))

(defconst gptel-diagnose--details-buffer "*gptel-diagnose*"
  "Name of the details buffer; gptel's own is *gptel-diagnostic*.")

(defconst gptel-diagnose--checkup-buffer "*gptel-diagnose checkup*"
  "Name of the checkup buffer.")

;;;; The companion's words, in the user's language

;; Keyed by the English text, gettext style: a reworded English string
;; loses its translation instead of picking up another one's.  The ERT
;; suite checks that every text the code translates has an entry, that
;; each keeps its placeholders, and that none leaves stray English.
(defconst gptel-diagnose--zh
  '(;; The echo line
    ("gptel-diagnose: %s" . "gptel-diagnose：%s")
    ("Fix: %s" . "修复：%s")
    ("Next: %s" . "下一步：%s")
    ("If so: %s" . "如果是这样：%s")
    ("To find out: %s" . "要查明原因：%s")
    ("server not available (%s); install it with %s"
     . "诊断服务器不可用（%s）；请用 %s 安装")
    ("the server did not answer in time (M-x gptel-diagnose-show-log)"
     . "诊断服务器没有及时响应（M-x gptel-diagnose-show-log）")
    ("server error: %s (M-x gptel-diagnose-show-log)"
     . "诊断服务器出错：%s（M-x gptel-diagnose-show-log）")
    ("unknown" . "未知")
    ("curl exit code %d" . "curl 退出码 %d")
    ("HTTP %d, in the provider's words: %s" . "HTTP %d，服务商的原话：%s")
    ("no status" . "没有状态码")
    ("A gptel request failed (%s).  Explain? " . "有一个 gptel 请求失败了（%s）。要解释原因吗？")
    ;; The details buffer
    ("Rule %s (%s), category %s" . "规则 %s（%s），类别 %s")
    ("What happened" . "发生了什么")
    ("The provider said" . "服务商的原话")
    ("What to do" . "怎么办")
    ("Fixes" . "修复方法")
    ("Resend after the wait" . "等待结束后重试")
    ("Resend the request" . "重试这个请求")
    ("References" . "参考资料")
    ("What gptel reported" . "gptel 报告的内容")
    ("Replay with curl (M-x gptel-diagnose-copy-curl)"
     . "用 curl 重现（M-x gptel-diagnose-copy-curl）")
    ("Balance" . "余额")
    ("Checking the balance..." . "正在查询余额……")
    ("The balance check did not answer in %s s" . "余额查询在 %s 秒内没有响应")
    ("The balance check failed: %s" . "余额查询失败：%s")
    ("status: %s" . "状态：%s")
    ("status: %s (found by gptel-diagnose; gptel reported no error)"
     . "状态：%s（由 gptel-diagnose 发现；gptel 没有报错）")
    ("HTTP status: %s" . "HTTP 状态码：%s")
    ("error: %s" . "错误：%s")
    ("response body: %s" . "响应体：%s")
    ("response body: none (the answer was headers only)" . "响应体：无（回应只有头部）")
    ("(%s)" . "（%s）")
    ("safe" . "安全")
    ("unsafe" . "需确认")
    ("display-only" . "仅显示")
    ("Apply this fix" . "应用这个修复")
    ("Show (never applied)" . "显示（不会应用）")
    ("Open in a browser" . "在浏览器中打开")
    ("apply a fix" . "应用修复")
    ("undo" . "撤销")
    ("resend" . "重试")
    ("diagnose again" . "重新诊断")
    ("copy curl" . "复制 curl 命令")
    ("check again" . "重新检查")
    ("help" . "帮助")
    ("quit" . "关闭")
    ;; Fixes
    ("Not applied" . "未应用")
    (" in %s" . "（在 %s 中）")
    ("; saved for future sessions" . "；已保存，以后的会话也生效")
    (".  %s resends the request" . "。按 %s 重试请求")
    ("Refusing to set %s: not a gptel user option" . "拒绝设置 %s：它不是 gptel 的用户选项")
    ("%s: %s.  Apply? " . "%s：%s。要应用吗？")
    ("yes" . "是")
    ("no" . "否")
    ("save" . "保存")
    ("apply it" . "应用")
    ("apply it and save it for future sessions" . "应用并保存，以后的会话也生效")
    ("do not apply it" . "不应用")
    ("Save %s for future sessions? " . "要保存 %s，让以后的会话也生效吗？")
    ("No fix to undo" . "没有可以撤销的修复")
    ("The buffer the fix applied to is gone" . "修复所作用的缓冲区已经不在了")
    ("%s is back to %s" . "%s 已恢复为 %s")
    ("%s: %s" . "%s：%s")
    ("%s: %s  (copied)" . "%s：%s（已复制）")
    ("Edit and evaluate: %s" . "修改后求值：%s")
    ("No failed gptel request" . "没有失败的 gptel 请求")
    ("This diagnosis offers no fix" . "这个诊断没有提供修复")
    ("Fix (default %s): " . "修复（默认：%s）：")
    ("Fix: " . "修复：")
    ("No fix chosen" . "没有选择修复")
    ;; Ask fixes
    ("asks which of the backend's models, then sets gptel-model" . "先询问用后端的哪个模型，再设置 gptel-model")
    ("asks for the key, kept for this session only" . "先询问密钥，只在本次会话中使用")
    ("asks which of gptel's backends, then sets gptel-backend" . "先询问换用 gptel 的哪个后端，再设置 gptel-backend")
    ("asks for the proxy's address, then sets gptel-proxy" . "先询问代理地址，再设置 gptel-proxy")
    ("Proxy address (default %s): " . "代理地址（默认：%s）：")
    ("Proxy address, such as http://127.0.0.1:7890: " . "代理地址，例如 http://127.0.0.1:7890：")
    ("No proxy address entered" . "没有输入代理地址")
    ("Not a proxy address: %s" . "不是代理地址：%s")
    ("asks for the CA certificate file, then adds it to gptel-curl-extra-args" . "先询问 CA 证书文件，再把它加入 gptel-curl-extra-args")
    ("CA certificate file (PEM): " . "CA 证书文件（PEM）：")
    ("Not a readable file: %s" . "不是可读的文件：%s")
    ("Refusing to ask for %s: not a gptel option to ask for"
     . "拒绝询问 %s：它不是可以询问的 gptel 选项")
    ("Applied %s" . "已应用 %s")
    ("Model (default %s): " . "模型（默认：%s）：")
    ("Model: " . "模型：")
    ("No model chosen" . "没有选择模型")
    ("gptel knows no other backend: define one with gptel-make-…"
     . "gptel 没有其他后端：请先用 gptel-make-… 定义一个")
    ("Backend (default %s): " . "后端（默认：%s）：")
    ("No backend chosen" . "没有选择后端")
    ("No backend to set the key of" . "没有可以设置 API 密钥的后端")
    ("Key for %s: " . "%s 的 API 密钥：")
    ("No key entered" . "没有输入 API 密钥")
    ("Key of %s set for this session" . "已为 %s 设置 API 密钥（仅本次会话有效）")
    ("; to keep it: %s" . "；要长期保留：%s")
    ("; to keep it, put it in %s" . "；要长期使用，请把它写入%s")
    ("The key of %s is back to what it was" . "%s 的 API 密钥已恢复为原来的值")
    ;; Resending
    ("resend cancelled" . "已取消重试")
    ("resending in %d s (C-g cancels)" . "%d 秒后重试（C-g 取消）")
    ("This request cannot be resent (its buffer is gone)" . "这个请求无法重试（它的缓冲区已经不在了）")
    ("A checkup has no request to resend" . "检查没有可以重试的请求")
    ("Nothing to diagnose again" . "没有可以重新诊断的请求")
    ("diagnosed again: %s, %s" . "已重新诊断：%s，%s")
    ("No failed request whose curl command can be rebuilt" . "没有可以重建 curl 命令的失败请求")
    ("curl command copied; set %s to the key, then paste it in a shell"
     . "curl 命令已复制；请先把 API 密钥放进环境变量 %s，再粘贴到终端中运行")
    ;; The checkup
    ("gptel-diagnose checkup" . "gptel-diagnose 检查")
    ("backend %s (%s, %s://%s), model %s" . "后端 %s（%s，%s://%s），模型 %s")
    ("gptel %s, Emacs %s, %s, streaming %s, proxy %s, key %s"
     . "gptel %s，Emacs %s，%s，流式传输：%s，代理：%s，API 密钥：%s")
    ("on" . "开")
    ("off" . "关")
    ("set" . "已设置")
    ("none" . "无")
    ("set (not shown)" . "已设置（不显示）")
    ("ok" . "通过")
    ("warn" . "警告")
    ("FAIL" . "失败")
    ("Local servers found" . "找到的本地服务器")
    ("%s at %s: %s" . "%s（%s）：%s")
    ("Copy the backend definition" . "复制后端定义")
    ("Copied; evaluate it to switch" . "已复制；求值即可切换")
    ("%s in %.1f s" . "%s，用时 %.1f 秒")
    ("%d passed, %s, %d failed" . "通过 %d 项，%s，失败 %d 项")
    ("1 warning" . "警告 1 项")
    ("%d warnings" . "警告 %d 项")
    ("checking %s..." . "正在检查 %s……")
    ("the backend" . "后端")
    ("the checkup failed: %s" . "检查失败：%s")
    ("the checkup did not finish in %s s" . "检查没有在 %s 秒内完成")
    ("checked again: %s" . "已重新检查：%s")
    ("no failed gptel request to explain" . "没有需要解释的失败 gptel 请求")
    ("gptel is too old: gptel-diagnose needs gptel 0.9.8 or newer"
     . "gptel 版本太旧：gptel-diagnose 需要 gptel 0.9.8 或更新的版本"))
  "The companion's texts in Simplified Chinese, keyed by their English source.")

(defun gptel-diagnose--t (english)
  "ENGLISH in the companion's language (`gptel-diagnose-locale')."
  (gptel-diagnose--translated gptel-diagnose--zh english))

(defun gptel-diagnose--tf (english &rest args)
  "The format string ENGLISH, in the companion's language, applied to ARGS."
  (apply #'format (gptel-diagnose--t english) args))

(defun gptel-diagnose--say (english &rest args)
  "Show ENGLISH formatted with ARGS, translated, after the package's name."
  (message "%s" (gptel-diagnose--tf "gptel-diagnose: %s"
                                    (apply #'gptel-diagnose--tf english args))))

;;;; State

(defvar gptel-diagnose--last-failure nil
  "The most recent failure, in any buffer.")

(defvar-local gptel-diagnose--buffer-failure nil
  "The most recent failure of a request made from this buffer.")

(defvar-local gptel-diagnose--details-failure nil
  "The failure the details buffer shows.")

(defvar-local gptel-diagnose--checkup nil
  "What the checkup buffer shows: a plist (:result :params :origin).")

(defvar gptel-diagnose--applied nil
  "Fixes applied, newest first, each a plist with what undoing it needs.")

(defvar gptel-diagnose--countdown nil
  "The timer of a pending delayed resend, or nil.")

(defvar gptel-diagnose--pending-line nil
  "A diagnosis line waiting for the minibuffer to close.")

(cl-defstruct (gptel-diagnose--failure
               (:constructor gptel-diagnose--make-failure)
               (:copier nil))
  "One failed gptel request, as gptel-diagnose saw it.
BALANCE is nil until asked for, then `pending', then the server's
answer or (:problem TEXT)."
  params buffer position time fsm entry diagnosis problem balance)

;;;; Failures

(defun gptel-diagnose--report (report)
  "Record the failure in REPORT and explain it soon.
REPORT is the plist `gptel-diagnose--gptel-watch' hands its handler."
  (let* ((buffer (plist-get report :buffer))
         (params (plist-get report :params))
         (failure (gptel-diagnose--make-failure
                   :params params :buffer buffer :fsm (plist-get report :fsm)
                   :entry (plist-get report :entry)
                   :position (plist-get report :position)
                   :time (float-time))))
    (setq gptel-diagnose--last-failure failure)
    (when (buffer-live-p buffer)
      (with-current-buffer buffer
        (setq gptel-diagnose--buffer-failure failure)))
    (gptel-diagnose--log "failure: %s"
                         (gptel-diagnose--local-meaning params))
    (unless (eq gptel-diagnose-auto 'on-request)
      ;; We are inside a process sentinel or filter: do the rest later.
      (run-at-time 0 nil #'gptel-diagnose--explain-soon failure))))

(defun gptel-diagnose--explain-soon (failure)
  "Explain FAILURE in the echo area, asking first if so configured."
  (gptel-diagnose--safely
    (when (or (not (eq gptel-diagnose-auto 'ask))
              (and (not (active-minibuffer-window))
                   (y-or-n-p (gptel-diagnose--tf
                              "A gptel request failed (%s).  Explain? "
                              (or (gptel-diagnose--local-meaning
                                   (gptel-diagnose--failure-params failure))
                                  (gptel-diagnose--t "no status"))))))
      (gptel-diagnose--request-diagnosis failure #'gptel-diagnose--show-line))))

;;;; Asking the server

(defun gptel-diagnose--request-diagnosis (failure callback)
  "Ask the server to diagnose FAILURE, then call CALLBACK with FAILURE.
On success FAILURE's `diagnosis' is set; otherwise its `problem'
says what went wrong.  CALLBACK is always called, once.  The
diagnosis is asked for in the current `gptel-diagnose-locale',
not the one in force when the request failed."
  (gptel-diagnose--ask-diagnosis
   (plist-put (copy-sequence (gptel-diagnose--failure-params failure))
              :locale (gptel-diagnose--locale))
   (lambda (diagnosis problem)
     (setf (gptel-diagnose--failure-diagnosis failure) diagnosis
           (gptel-diagnose--failure-problem failure) problem)
     (when diagnosis
       (gptel-diagnose--note-diagnosis (gptel-diagnose--failure-params failure) diagnosis))
     (funcall callback failure))))

;;;; Rendering (pure: data in, text out)

(defun gptel-diagnose--literal-p (form)
  "Return non-nil if FORM is a literal, which no evaluation can run."
  (or (null form) (eq form t) (numberp form) (stringp form) (keywordp form)
      (and (consp form) (eq (car form) 'quote) (consp (cdr form))
           (null (cddr form)))))

(defun gptel-diagnose--fix-form (fix)
  "The `setq' form FIX stands for, or nil if FIX is not a valid one.
The variable must be on `gptel-diagnose--settable-variables' and
the value must read as a literal.  The value is read, never
evaluated."
  (let ((variable (plist-get fix :variable))
        (value (plist-get fix :value)))
    (when (and (stringp variable) (stringp value))
      (let ((symbol (intern-soft variable))
            (form (condition-case nil
                      (let ((read (read-from-string value)))
                        (and (string-blank-p (substring value (cdr read)))
                             (list (car read))))
                    (error nil))))
        (when (and symbol (memq symbol gptel-diagnose--settable-variables)
                   form (gptel-diagnose--literal-p (car form)))
          (list 'setq symbol (car form)))))))

(defun gptel-diagnose--print (form)
  "Return FORM as text, with each symbol as its plain name where that is safe.
Emacs 28's printer writes a model such as gpt-4.1 as gpt-4\\.1: the
same symbol to the reader, but not how anyone types it."
  (cond ((and (symbolp form) form)
         (let* ((name (symbol-name form))
                (read (ignore-errors (read-from-string name))))
           (if (and read (eq (car read) form) (= (cdr read) (length name)))
               name
             (prin1-to-string form))))
        ((and (eq (car-safe form) 'quote) (consp (cdr form)) (null (cddr form)))
         (concat "'" (gptel-diagnose--print (cadr form))))
        ((and (consp form) (proper-list-p form))
         (concat "(" (mapconcat #'gptel-diagnose--print form " ") ")"))
        (t (prin1-to-string form))))

(defun gptel-diagnose--line-fix (diagnosis)
  "Return the fix on the echo line of DIAGNOSIS: its first valid `setq', or nil."
  (cl-loop for fix across (or (plist-get diagnosis :fixes) [])
           when (gptel-diagnose--fix-form fix) return fix))

(defun gptel-diagnose--first-setq (diagnosis)
  "The first valid `setq' among DIAGNOSIS's fixes, as text, or nil."
  (let ((fix (gptel-diagnose--line-fix diagnosis)))
    (and fix (gptel-diagnose--print (gptel-diagnose--fix-form fix)))))

(defun gptel-diagnose--ellipsis ()
  "Return the ellipsis for shortened text: \"…\" where it can be shown.
A terminal whose coding system cannot show it (a C locale) gets
\"...\" instead of a question mark."
  (if (char-displayable-p ?…) "…" "..."))

(defun gptel-diagnose--fit (prefix summary suffix width)
  "PREFIX, SUMMARY and SUFFIX in at most WIDTH columns, shortening SUMMARY only.
Widths are screen columns (`string-width'): a Chinese character
takes two.  SUFFIX is dropped whole when it cannot fit; it is
never cut."
  (let ((used (+ (string-width prefix) (string-width suffix)))
        (ellipsis (gptel-diagnose--ellipsis)))
    (cond
     ((or (null width) (<= (+ used (string-width summary)) width))
      (concat prefix summary suffix))
     ((and (> (+ used 20) width) (not (string-empty-p suffix)))
      (gptel-diagnose--fit prefix summary "" width))
     (t
      (let* ((room (max 0 (- width used (string-width ellipsis))))
             (cut (truncate-string-to-width summary room))
             (space (string-match-p " [^ ]*\\'" cut)))
        (concat prefix
                (if (and space (> (string-width (substring cut 0 space)) (/ room 2)))
                    (substring cut 0 space)
                  cut)
                ellipsis suffix))))))

(defun gptel-diagnose-format-line (diagnosis &optional width)
  "The echo-area line for DIAGNOSIS: what happened, then the next action.
The next action is the first `setq' fix when there is one (shown
once, even if the summary already names it), else the server's
`next_step'.  When the diagnosis is only a guess (`confidence'
\"guess\": the status alone is known, and the summary says what it
usually means and how to find out), the step is offered as what to
do if that is it; a step that finds the cause out (the server's
`next_step_finds_out') is offered as that.  With WIDTH, shorten the
summary so the line fits in WIDTH columns; the action is never cut."
  (let* ((summary (gptel-diagnose--redact
                   (string-join (split-string (or (plist-get diagnosis :summary) "")) " ")))
         (setq-text (gptel-diagnose--first-setq diagnosis))
         (next (let ((step (plist-get diagnosis :next_step)))
                 (and (stringp step) (not (string-blank-p step))
                      (gptel-diagnose--redact (string-join (split-string step) " ")))))
         (prefix (string-remove-suffix "%s" (gptel-diagnose--t "gptel-diagnose: %s")))
         (action (cond ((and setq-text (string-search setq-text summary)) nil)
                       (setq-text (gptel-diagnose--tf "Fix: %s" setq-text))
                       ((and next (eq (plist-get diagnosis :next_step_finds_out) t))
                        (gptel-diagnose--tf "To find out: %s" next))
                       ((and next (equal (plist-get diagnosis :confidence) "guess"))
                        (gptel-diagnose--tf "If so: %s" next))
                       (next (gptel-diagnose--tf "Next: %s" next)))))
    (gptel-diagnose--fit prefix summary (if action (concat "  " action) "") width)))

(defun gptel-diagnose--curl-exit (params)
  "The curl exit code gptel reported in PARAMS' error text, or nil.
Only the local fallback needs it: the server reads the code itself."
  (let ((text (plist-get (plist-get params :error) :error)))
    (and (stringp text)
         (string-match "Curl failed with exit code \\([0-9]+\\)" text)
         (string-to-number (match-string 1 text)))))

(defun gptel-diagnose--provider-reason (params)
  "The provider's own reason in PARAMS' error, on one short line, or nil.
That is gptel's error text, or the message of the error object it
kept from the provider's answer."
  (let* ((value (plist-get (plist-get params :error) :error))
         (text (cond ((stringp value) value)
                     ((and (consp value) (keywordp (car value)))
                      (let ((message (plist-get value :message))
                            (inner (plist-get value :error)))
                        (cond ((stringp message) message)
                              ((and (consp inner) (keywordp (car inner))
                                    (stringp (plist-get inner :message)))
                               (plist-get inner :message))
                              ((stringp inner) inner)))))))
    (when (and text (not (string-blank-p text)))
      (truncate-string-to-width (string-join (split-string text) " ") 160 nil nil
                                (gptel-diagnose--ellipsis)))))

(defconst gptel-diagnose--gptel-own-error
  (concat "\\`" (regexp-opt gptel-diagnose--gptel-unread) "\\.?\\'")
  "A reason that is only `gptel-diagnose--gptel-unread' words, not the provider's.")

(defun gptel-diagnose--local-meaning (params)
  "A short meaning of the failure in PARAMS, known without the server.
The meanings are the server's, generated into `gptel-diagnose-tables'."
  (let* ((curl (gptel-diagnose--curl-exit params))
         (status (plist-get (plist-get params :error) :http_status))
         (code (cond ((integerp status) status)
                     ((and (stringp status) (string-match-p "\\`[0-9]+\\'" status))
                      (string-to-number status))))
         (reason (gptel-diagnose--provider-reason params))
         (zh (gptel-diagnose--zh-p)))
    (cl-flet ((meaning (key table)
                (when-let ((texts (alist-get key table)))
                  (if zh (cdr texts) (car texts)))))
      (cond
       ((and curl (meaning curl gptel-diagnose--curl-meanings))
        (format "curl %d: %s" curl (meaning curl gptel-diagnose--curl-meanings)))
       ;; These meanings name their status already: "... (HTTP 401): ...".  Those that
       ;; say the provider gave no reason have a form that quotes the one it gave.
       ((and code reason
             (when-let ((form (meaning code gptel-diagnose--status-reason-meanings)))
               (format form reason))))
       ;; The others are what the status alone usually means, which the provider's own
       ;; reason may contradict (a 503 is not overload when the gateway says it cannot
       ;; stream the model): its words, as gptel has them, are the truer line.
       ((and code reason (not (string-match-p gptel-diagnose--gptel-own-error reason)))
        (gptel-diagnose--tf "HTTP %d, in the provider's words: %s" code reason))
       ((and code (meaning code gptel-diagnose--status-meanings)))
       (code (format "HTTP %d" code))
       (curl (gptel-diagnose--tf "curl exit code %d" curl))))))

(defun gptel-diagnose-format-fallback (params problem)
  "The echo-area line when the server could not diagnose PARAMS.
PROBLEM is a plist (:kind KIND :message TEXT) saying why."
  (let ((meaning (gptel-diagnose--local-meaning params))
        (why (pcase (plist-get problem :kind)
               ('not-started
                (gptel-diagnose--tf "server not available (%s); install it with %s"
                                    (gptel-diagnose--start-reason (plist-get problem :message))
                                    (gptel-diagnose--install-hint)))
               ('timeout (gptel-diagnose--t
                          "the server did not answer in time (M-x gptel-diagnose-show-log)"))
               (_ (gptel-diagnose--tf "server error: %s (M-x gptel-diagnose-show-log)"
                                      (or (plist-get problem :message)
                                          (gptel-diagnose--t "unknown")))))))
    (gptel-diagnose--redact
     (gptel-diagnose--tf "gptel-diagnose: %s"
                         (concat (if meaning
                                     (concat (replace-regexp-in-string "[.。]\\'" "" meaning)
                                             (if (gptel-diagnose--zh-p) "；" "; "))
                                   "")
                                 why)))))

(defun gptel-diagnose--line (failure &optional width)
  "The echo-area line for FAILURE, in at most WIDTH columns if given."
  (let ((diagnosis (gptel-diagnose--failure-diagnosis failure)))
    (if diagnosis
        (gptel-diagnose-format-line diagnosis width)
      (gptel-diagnose-format-fallback (gptel-diagnose--failure-params failure)
                                      (gptel-diagnose--failure-problem failure)))))

(defun gptel-diagnose--echo-width ()
  "Columns the echo area can show in `gptel-diagnose-echo-lines' lines, or nil."
  (unless noninteractive
    (* (max 1 gptel-diagnose-echo-lines) (max 20 (1- (frame-width))))))

(defun gptel-diagnose--show-pending ()
  "Show the line that waited for the minibuffer to close."
  (remove-hook 'minibuffer-exit-hook #'gptel-diagnose--show-pending)
  (when-let ((line gptel-diagnose--pending-line))
    (setq gptel-diagnose--pending-line nil)
    (run-at-time 0 nil #'gptel-diagnose--echo line)))

(defun gptel-diagnose--echo (line)
  "Show LINE in the echo area; it is in *Messages* already."
  (let ((message-log-max nil))
    (message "%s" line)))

(defun gptel-diagnose--display (line)
  "Show LINE in the echo area, unless the user is typing in the minibuffer.
Then it waits until the minibuffer closes.  Shown from a timer:
when the server dies, jsonrpc announces it right after calling
us, and our line must be the one that stays."
  (let ((inhibit-message t)) (message "%s" line))   ; into *Messages* now
  (if (active-minibuffer-window)
      (progn (setq gptel-diagnose--pending-line line)
             (add-hook 'minibuffer-exit-hook #'gptel-diagnose--show-pending))
    (run-at-time 0 nil #'gptel-diagnose--echo line)))

(defun gptel-diagnose--show-line (failure)
  "Show FAILURE's diagnosis in the echo area.
Details on screen of an earlier failure of the same request buffer
\=(the one just resent) show FAILURE's instead."
  (gptel-diagnose--display (gptel-diagnose--line failure (gptel-diagnose--echo-width)))
  (let* ((details (get-buffer gptel-diagnose--details-buffer))
         (shown (and details (get-buffer-window details t)
                     (buffer-local-value 'gptel-diagnose--details-failure details))))
    (when (and shown (not (eq shown failure))
               (buffer-live-p (gptel-diagnose--failure-buffer failure))
               (eq (gptel-diagnose--failure-buffer shown)
                   (gptel-diagnose--failure-buffer failure)))
      (gptel-diagnose--render-details failure))))

;;;; Applying fixes

(defun gptel-diagnose--fix-value (form)
  "Return the value of the `setq' FORM, without evaluating anything."
  (let ((literal (nth 2 form)))
    (if (and (consp literal) (eq (car literal) 'quote)) (cadr literal) literal)))

(defun gptel-diagnose--user-option-p (symbol)
  "Non-nil if SYMBOL is an allowlisted gptel user option."
  (and (memq symbol gptel-diagnose--settable-variables)
       (or (custom-variable-p symbol) (not (boundp symbol)))))

(defun gptel-diagnose--ask-variable (fix)
  "The variable FIX asks the user a value for, or nil if FIX is no valid ask fix.
The kind of ask and its variable must agree with
`gptel-diagnose--ask-variables', and an ask fix carries no value."
  (let ((kind (plist-get fix :ask)))
    (when (and (stringp kind) (null (plist-get fix :value))
               (not (equal (plist-get fix :applicability) "display-only")))
      (let ((variable (cdr (assoc kind gptel-diagnose--ask-variables))))
        (and variable (equal (plist-get fix :variable) (symbol-name variable))
             variable)))))

(defun gptel-diagnose--applicable-p (fix)
  "Non-nil if FIX can be applied: a valid `setq' or ask fix, not display-only."
  (and (not (equal (plist-get fix :applicability) "display-only"))
       (or (gptel-diagnose--fix-form fix) (gptel-diagnose--ask-variable fix))
       t))

(defconst gptel-diagnose--transport-variables
  '(gptel-use-curl gptel-proxy gptel-curl-extra-args)
  "Variables gptel reads as it sends a request, in whatever buffer is current then.
With prompt transforms (gptel 0.9.9), that is not the chat buffer, so its
buffer-local value may go unseen: a fix sets these globally, and in the
chat buffer too when it has its own value.")

(defun gptel-diagnose--local-fix-p (symbol buffer)
  "Return non-nil if a fix of SYMBOL is made in BUFFER alone, where it is local."
  (and (buffer-live-p buffer) (local-variable-p symbol buffer)
       (not (memq symbol gptel-diagnose--transport-variables))))

(defun gptel-diagnose--set (symbol value buffer)
  "Set SYMBOL to VALUE: in BUFFER if it is buffer-local there, else globally.
A transport variable (`gptel-diagnose--transport-variables') is set
globally, and in BUFFER as well when it has its own value there.
Return a plist describing how to undo it."
  (cond
   ((gptel-diagnose--local-fix-p symbol buffer)
    (with-current-buffer buffer
      (prog1 (list :variable symbol :buffer buffer :old (symbol-value symbol)
                   :local t)
        (set (make-local-variable symbol) value))))
   (t
    (let ((also-local (and (buffer-live-p buffer) (local-variable-p symbol buffer))))
      (prog1 (append (list :variable symbol :old (default-value symbol) :local nil)
                     (and also-local
                          (list :buffer buffer
                                :old-local (buffer-local-value symbol buffer))))
        (customize-set-variable symbol value)
        (when also-local
          (with-current-buffer buffer (set (make-local-variable symbol) value))))))))

(defun gptel-diagnose--confirm (title form unsafe ask-save)
  "Ask at most one question before applying FORM (the fix TITLE).
UNSAFE fixes need a yes; with ASK-SAVE the question also offers
to save.  Return nil (do not apply), `apply', or `save'."
  (let ((question (and unsafe (gptel-diagnose--tf "%s: %s.  Apply? " title
                                                  (gptel-diagnose--print form)))))
    (cond
     ((and unsafe ask-save)
      (pcase (car (read-multiple-choice
                   question
                   (list (list ?y (gptel-diagnose--t "yes") (gptel-diagnose--t "apply it"))
                         (list ?s (gptel-diagnose--t "save")
                               (gptel-diagnose--t "apply it and save it for future sessions"))
                         (list ?n (gptel-diagnose--t "no")
                               (gptel-diagnose--t "do not apply it")))))
        (?y 'apply) (?s 'save) (_ nil)))
     (unsafe (and (y-or-n-p question) 'apply))
     (ask-save (if (y-or-n-p (gptel-diagnose--tf "Save %s for future sessions? " (nth 1 form)))
                   'save 'apply))
     (t 'apply))))

(defun gptel-diagnose-apply-fix (fix &optional failure)
  "Apply FIX, a fix of FAILURE's diagnosis, on your say-so.
Interactively: the fix at point, else the only applicable one,
else the one the echo line showed; with a prefix argument, or when
the line showed none, the one you choose (the safe one is the
default).  A safe fix is applied at once, an unsafe one after you
confirm, a display-only one is shown and never applied.  At most
one question is asked; `gptel-diagnose-save-fixes' says whether a
global fix is also saved.  Resending stays your call:
\\[gptel-diagnose-retry]."
  (interactive (gptel-diagnose--read-fix current-prefix-arg))
  (let* ((failure (or failure (gptel-diagnose--current-failure)))
         (form (gptel-diagnose--fix-form fix))
         (buffer (and failure (gptel-diagnose--failure-buffer failure))))
    (cond
     ((plist-get fix :ask)
      (if (gptel-diagnose--ask-variable fix)
          (gptel-diagnose--apply-ask fix failure)
        (user-error (gptel-diagnose--tf "Refusing to ask for %s: not a gptel option to ask for"
                                        (plist-get fix :variable)))))
     ((or (equal (plist-get fix :applicability) "display-only") (not form))
      (gptel-diagnose--show-fix fix))
     ((not (gptel-diagnose--user-option-p (nth 1 form)))
      (user-error (gptel-diagnose--tf "Refusing to set %s: not a gptel user option"
                                      (nth 1 form))))
     (t
      (let* ((symbol (nth 1 form))
             (global (not (gptel-diagnose--local-fix-p symbol buffer)))
             (answer (gptel-diagnose--confirm
                      (plist-get fix :title) form
                      (not (equal (plist-get fix :applicability) "safe"))
                      (and global (eq gptel-diagnose-save-fixes 'ask))))
             (save (and global (or (eq answer 'save) (eq gptel-diagnose-save-fixes 'always)))))
        (if (not answer)
            (message "%s" (gptel-diagnose--t "Not applied"))
          (let ((undo (gptel-diagnose--set symbol (gptel-diagnose--fix-value form) buffer)))
            (push undo gptel-diagnose--applied)
            (gptel-diagnose--log "applied %S" form)
            (when save
              (customize-save-variable symbol (symbol-value symbol))
              (plist-put undo :saved t))
            (message "%s" (concat
                           (gptel-diagnose--tf "Applied %s" (gptel-diagnose--print form))
                           (if (plist-get undo :local)
                               (gptel-diagnose--tf " in %s" (plist-get undo :buffer))
                             "")
                           (if save (gptel-diagnose--t "; saved for future sessions") "")
                           (gptel-diagnose--resend-hint failure))))))))))

(defun gptel-diagnose--resend-hint (failure)
  "The end of a message saying which key resends FAILURE, or \"\"."
  (if (and failure (gptel-diagnose--resendable-p failure))
      (gptel-diagnose--tf ".  %s resends the request"
                          (substitute-command-keys "\\[gptel-diagnose-retry]"))
    ""))

;;;; Ask fixes: the value is the user's to give

(defun gptel-diagnose--failure-backend (failure)
  "The backend FAILURE's request used, or nil."
  (and failure
       (gptel-diagnose--request-backend (gptel-diagnose--failure-fsm failure)
                                        (gptel-diagnose--failure-buffer failure))))

(defun gptel-diagnose--apply-ask (fix failure)
  "Ask the user the value FIX names, then set it for FAILURE's buffer.
Nothing is saved for future sessions; \\[gptel-diagnose-undo-fix] undoes it."
  (pcase (plist-get fix :ask)
    ("model" (gptel-diagnose--ask-model failure))
    ("key" (gptel-diagnose--ask-key failure))
    ("backend" (gptel-diagnose--ask-backend failure))
    ("proxy" (gptel-diagnose--ask-proxy failure))
    ("cacert" (gptel-diagnose--ask-cacert failure))))

(defun gptel-diagnose--set-all (settings buffer)
  "Set each (SYMBOL . VALUE) of SETTINGS as `gptel-diagnose--set' does, in BUFFER.
Record them as one fix to undo; return the undo record."
  (let ((undo (list :group (mapcar (lambda (setting)
                                     (gptel-diagnose--set (car setting) (cdr setting) buffer))
                                   settings))))
    (push undo gptel-diagnose--applied)
    undo))

(defun gptel-diagnose--set-for (settings failure)
  "Set SETTINGS, a list of (SYMBOL . VALUE), for FAILURE's buffer.
They are one fix to undo; the message says what was set."
  (gptel-diagnose--say-set
   settings
   (gptel-diagnose--set-all settings (and failure (gptel-diagnose--failure-buffer failure)))
   failure))

(defun gptel-diagnose--say-set (settings undo failure)
  "Say that SETTINGS, a list of (SYMBOL . VALUE), were set as UNDO records.
The message ends with the key that resends FAILURE's request."
  (let ((forms (mapconcat (lambda (setting)
                            (gptel-diagnose--print
                             (list 'setq (car setting)
                                   (cond ((stringp (cdr setting)) (cdr setting))
                                         ((symbolp (cdr setting)) (list 'quote (cdr setting)))
                                         ;; A list of strings, such as curl's arguments.
                                         ((consp (cdr setting)) (list 'quote (cdr setting)))
                                         ;; A backend is no literal: said the way gptel
                                         ;; finds it.
                                         (t (list 'gptel-get-backend
                                                  (gptel-diagnose--backend-name
                                                   (cdr setting))))))))
                          settings " ")))
    (gptel-diagnose--log "applied %s" forms)
    (message "%s" (concat (gptel-diagnose--tf "Applied %s" forms)
                          (let ((local (seq-find (lambda (part) (plist-get part :local))
                                                 (plist-get undo :group))))
                            (if local (gptel-diagnose--tf " in %s" (plist-get local :buffer))
                              ""))
                          (gptel-diagnose--resend-hint failure)))))

(defun gptel-diagnose--ask-model (failure)
  "Ask for another model of FAILURE's backend and make it `gptel-model'."
  (let* ((backend (gptel-diagnose--failure-backend failure))
         (failed (and failure
                      (plist-get (plist-get (gptel-diagnose--failure-params failure) :request)
                                 :model)))
         (names (remove failed (mapcar #'symbol-name
                                       (gptel-diagnose--backend-models backend))))
         (choice (completing-read
                  (if names (gptel-diagnose--tf "Model (default %s): " (car names))
                    (gptel-diagnose--t "Model: "))
                  names nil nil nil nil (car names))))
    (when (string-blank-p choice)
      (user-error (gptel-diagnose--t "No model chosen")))
    (gptel-diagnose--set-for (list (cons 'gptel-model (intern (string-trim choice))))
                             failure)))

(defun gptel-diagnose--ask-backend (failure)
  "Ask for a backend gptel knows other than FAILURE's one, and switch to it.
Set `gptel-backend' to it and `gptel-model' to its first model."
  (let* ((current (gptel-diagnose--backend-name (gptel-diagnose--failure-backend failure)))
         (known (seq-remove (lambda (entry) (equal (car entry) current))
                            (gptel-diagnose--known-backends)))
         (names (mapcar #'car known)))
    (unless names
      (user-error (gptel-diagnose--t
                   "gptel knows no other backend: define one with gptel-make-…")))
    (let* ((choice (completing-read (gptel-diagnose--tf "Backend (default %s): " (car names))
                                    names nil t nil nil (car names)))
           (backend (or (cdr (assoc choice known))
                        (user-error (gptel-diagnose--t "No backend chosen"))))
           (model (car (gptel-diagnose--backend-models backend))))
      (gptel-diagnose--set-for (cons (cons 'gptel-backend backend)
                                     (and model (list (cons 'gptel-model model))))
                               failure))))

(defun gptel-diagnose--proxy-in-environment ()
  "The proxy the environment names for HTTPS, or nil."
  (seq-some (lambda (name)
              (let ((value (getenv name)))
                (and value (not (string-blank-p value)) (string-trim value))))
            '("https_proxy" "HTTPS_PROXY" "all_proxy" "ALL_PROXY")))

(defun gptel-diagnose--read-proxy (typed)
  "TYPED as a proxy address for `gptel-proxy', or signal a `user-error'.
A bare HOST:PORT gets http://.  Anything but one URL of an HTTP or
SOCKS proxy is refused: the value goes on curl's command line."
  (let ((address (string-trim typed)))
    (when (string-empty-p address)
      (user-error (gptel-diagnose--t "No proxy address entered")))
    (unless (string-match-p "://" address)
      (setq address (concat "http://" address)))
    (unless (string-match-p
             "\\`\\(?:https?\\|socks[45]h?\\)://[^[:space:]/?#]+\\(?::[0-9]+\\)?/?\\'"
             address)
      (user-error (gptel-diagnose--tf "Not a proxy address: %s" (gptel-diagnose--redact typed))))
    address))

(defun gptel-diagnose--ask-proxy (failure)
  "Read a proxy address and make it `gptel-proxy' for FAILURE's buffer.
The environment's HTTPS proxy, if any, is the default."
  (let* ((default (gptel-diagnose--proxy-in-environment))
         (typed (read-string
                 (if default (gptel-diagnose--tf "Proxy address (default %s): "
                                                 (gptel-diagnose--redact default))
                   (gptel-diagnose--t "Proxy address, such as http://127.0.0.1:7890: "))
                 nil nil default)))
    (gptel-diagnose--set-for (list (cons 'gptel-proxy (gptel-diagnose--read-proxy typed)))
                             failure)))

(defun gptel-diagnose--with-cacert (args file)
  "ARGS, a list of curl arguments, with FILE as its one --cacert.
An earlier --cacert and its file are dropped; the rest stay in order."
  (let (kept)
    (while args
      (if (equal (car args) "--cacert")
          (setq args (cddr args))
        (push (car args) kept)
        (setq args (cdr args))))
    (append (nreverse kept) (list "--cacert" file))))

(defun gptel-diagnose--ask-cacert (failure)
  "Read a CA certificate file and give it to curl for FAILURE's buffer.
It becomes the --cacert of `gptel-curl-extra-args', whose other
arguments stay.  The file must exist and be readable."
  (let* ((buffer (and failure (gptel-diagnose--failure-buffer failure)))
         ;; The value the buffer sees: its own if it has one, else the default.
         (current (and (boundp 'gptel-curl-extra-args)
                       (if (buffer-live-p buffer)
                           (buffer-local-value 'gptel-curl-extra-args buffer)
                         (default-value 'gptel-curl-extra-args))))
         (file (expand-file-name
                (read-file-name (gptel-diagnose--t "CA certificate file (PEM): ")
                                nil nil t))))
    (unless (and (file-regular-p file) (file-readable-p file))
      (user-error (gptel-diagnose--tf "Not a readable file: %s" file)))
    (gptel-diagnose--set-for
     (list (cons 'gptel-curl-extra-args
                 (gptel-diagnose--with-cacert (and (listp current) current) file)))
     failure)))

(defun gptel-diagnose--ask-key (failure)
  "Read a key without echoing it and make it the key of FAILURE's backend.
For this session only; the key is never shown, logged or sent to
the server.  The message says where to change it for good."
  (let* ((backend (or (gptel-diagnose--failure-backend failure)
                      (user-error (gptel-diagnose--t "No backend to set the key of"))))
         (name (or (gptel-diagnose--backend-name backend) "?"))
         (typed (read-passwd (gptel-diagnose--tf "Key for %s: " name)))
         ;; A newline pasted with the key would break the request's header.
         (key (string-trim typed)))
    (unless (eq key typed) (clear-string typed))
    (when (string-empty-p key)
      (user-error (gptel-diagnose--t "No key entered")))
    (push (list :backend-key backend :old (gptel-diagnose--backend-key backend))
          gptel-diagnose--applied)
    (gptel-diagnose--set-backend-key backend key)
    (gptel-diagnose--log "set the key of backend %s for this session" name)
    (let* ((diagnosis (and failure (gptel-diagnose--failure-diagnosis failure)))
           (where (plist-get diagnosis :key_where))
           ;; A server without key_where: an auth rule's next step is about the key;
           ;; another's (add credit) is not.
           (keep (and (string-prefix-p "auth." (or (plist-get diagnosis :category) ""))
                      (plist-get diagnosis :next_step))))
      (message "%s" (concat (gptel-diagnose--tf "Key of %s set for this session" name)
                            (cond ((and (stringp where) (not (string-empty-p where)))
                                   (gptel-diagnose--tf "; to keep it, put it in %s" where))
                                  ((and (stringp keep) (not (string-empty-p keep)))
                                   ;; The resend hint that follows starts a sentence.
                                   (gptel-diagnose--tf "; to keep it: %s"
                                                       (string-trim-right keep "[.。]+")))
                                  (t ""))
                            (gptel-diagnose--resend-hint failure))))))

(defun gptel-diagnose--undo-one (undo)
  "Put back what UNDO, one record of `gptel-diagnose--applied', replaced."
  (cond
   ((plist-member undo :group)
    (dolist (part (reverse (plist-get undo :group)))
      (gptel-diagnose--undo-one part)))
   ((plist-member undo :backend-key)
    ;; The old key is put back, never shown: it may be the key itself.
    (gptel-diagnose--set-backend-key (plist-get undo :backend-key) (plist-get undo :old))
    (gptel-diagnose--log "undid the key of backend %s"
                         (gptel-diagnose--backend-name (plist-get undo :backend-key))))
   (t
    (let ((symbol (plist-get undo :variable))
          (old (plist-get undo :old)))
      (if (plist-get undo :local)
          (if (buffer-live-p (plist-get undo :buffer))
              (with-current-buffer (plist-get undo :buffer) (set symbol old))
            (user-error (gptel-diagnose--t "The buffer the fix applied to is gone")))
        (customize-set-variable symbol old)
        (when (and (plist-member undo :old-local) (buffer-live-p (plist-get undo :buffer)))
          (with-current-buffer (plist-get undo :buffer)
            (set (make-local-variable symbol) (plist-get undo :old-local))))
        (when (plist-get undo :saved) (customize-save-variable symbol old)))
      (gptel-diagnose--log "undid the fix of %s" symbol)))))

(defun gptel-diagnose--undone-text (undo)
  "What undoing UNDO put back, as a message."
  (cond
   ((plist-member undo :group)
    (mapconcat #'gptel-diagnose--undone-text (plist-get undo :group) "; "))
   ((plist-member undo :backend-key)
    (gptel-diagnose--tf "The key of %s is back to what it was"
                        (gptel-diagnose--backend-name (plist-get undo :backend-key))))
   (t (let ((old (plist-get undo :old)))
        (gptel-diagnose--tf "%s is back to %s" (plist-get undo :variable)
                            (gptel-diagnose--print
                             (if (and (recordp old) (gptel-diagnose--backend-name old))
                                 (gptel-diagnose--backend-name old)
                               old)))))))

(defun gptel-diagnose-undo-fix ()
  "Put back the value a fix replaced, starting with the latest."
  (interactive)
  (let ((undo (pop gptel-diagnose--applied)))
    (unless undo (user-error (gptel-diagnose--t "No fix to undo")))
    (gptel-diagnose--undo-one undo)
    (message "%s" (gptel-diagnose--undone-text undo))))

(defun gptel-diagnose--show-fix (fix)
  "Show FIX, which is not applied: its command or link."
  (let ((command (plist-get fix :command))
        (url (plist-get fix :url))
        (form (gptel-diagnose--fix-form fix)))
    (message "%s"
             (cond (url (gptel-diagnose--tf "%s: %s" (plist-get fix :title) url))
                   (command (kill-new command)
                            (gptel-diagnose--tf "%s: %s  (copied)" (plist-get fix :title)
                                                command))
                   (form (gptel-diagnose--tf "Edit and evaluate: %s"
                                              (gptel-diagnose--print form)))
                   (t (plist-get fix :title))))))

(defun gptel-diagnose--current-failure ()
  "The failure of this buffer, else the last one anywhere.
In the checkup buffer there is none: its keys never act on a failure."
  (cond ((derived-mode-p 'gptel-diagnose-checkup-mode) nil)
        ((derived-mode-p 'gptel-diagnose-details-mode) gptel-diagnose--details-failure)
        (t (or gptel-diagnose--buffer-failure gptel-diagnose--last-failure))))

(defun gptel-diagnose--fixes-here ()
  "The fixes the keys of this buffer act on, as (FIXES . FAILURE).
In the checkup buffer, the checks' fixes, for the buffer checked."
  (if (derived-mode-p 'gptel-diagnose-checkup-mode)
      (cons (cl-loop for check across (or (plist-get (plist-get gptel-diagnose--checkup :result)
                                                     :checks)
                                          [])
                     append (append (plist-get check :fixes) nil))
            (gptel-diagnose--checkup-failure gptel-diagnose--checkup))
    (let ((failure (or (gptel-diagnose--current-failure)
                       (user-error (gptel-diagnose--t "No failed gptel request")))))
      (cons (append (plist-get (gptel-diagnose--failure-diagnosis failure) :fixes) nil)
            failure))))

(defun gptel-diagnose--read-fix (&optional choose)
  "The fix to apply and its failure, as (FIX FAILURE).
The fix at point; else the only applicable fix; else, in the
details buffer and unless CHOOSE, the fix its echo line showed;
else ask, with the first safe applicable fix as the default."
  (let ((at-point (get-char-property (point) 'gptel-diagnose-fix)))
    (if at-point
        (list at-point (get-char-property (point) 'gptel-diagnose-failure))
      (pcase-let* ((`(,fixes . ,failure) (gptel-diagnose--fixes-here))
                   (applicable (seq-filter #'gptel-diagnose--applicable-p fixes))
                   (line-fix (and (not choose)
                                  (not (derived-mode-p 'gptel-diagnose-checkup-mode))
                                  (gptel-diagnose--line-fix
                                   (gptel-diagnose--failure-diagnosis failure)))))
        (cond
         ((null fixes) (user-error (gptel-diagnose--t "This diagnosis offers no fix")))
         ((= (length applicable) 1) (list (car applicable) failure))
         (line-fix (list line-fix failure))
         (t
          (let* ((choices (mapcar (lambda (fix)
                                    (cons (gptel-diagnose--fix-description fix) fix))
                                  fixes))
                 (safe (seq-find (lambda (fix) (equal (plist-get fix :applicability) "safe"))
                                 applicable))
                 (default (and safe (gptel-diagnose--fix-description safe)))
                 (chosen (completing-read
                          (if default (gptel-diagnose--tf "Fix (default %s): " default)
                            (gptel-diagnose--t "Fix: "))
                          choices nil t nil nil default)))
            (list (or (cdr (assoc chosen choices))
                      (user-error (gptel-diagnose--t "No fix chosen")))
                  failure))))))))

;;;; Resending

(defun gptel-diagnose--resendable-p (failure)
  "Non-nil if FAILURE's request can be sent again."
  (and (buffer-live-p (gptel-diagnose--failure-buffer failure))
       (or (equal (gptel-diagnose--failure-entry failure) "send")
           (gptel-diagnose--failure-fsm failure))))

(defun gptel-diagnose--wait-left (failure)
  "Seconds left of the wait FAILURE's diagnosis asks for, or nil."
  (let* ((diagnosis (gptel-diagnose--failure-diagnosis failure))
         (wait (plist-get diagnosis :retry_after)))
    (when (and (numberp wait)
               (eq (plist-get diagnosis :retryable) t))
      (let ((left (- (+ (gptel-diagnose--failure-time failure) wait) (float-time))))
        (and (> left 0) left)))))

(defun gptel-diagnose--status (english &rest args)
  "Show ENGLISH formatted with ARGS, translated, without logging it.
The countdown updates this one message instead of filling *Messages*."
  (let ((message-log-max nil))
    (apply #'gptel-diagnose--say english args)))

(defun gptel-diagnose-cancel-retry ()
  "Cancel a pending delayed resend."
  (interactive)
  (when gptel-diagnose--countdown
    (cancel-timer gptel-diagnose--countdown)
    (setq gptel-diagnose--countdown nil)
    (gptel-diagnose--say "resend cancelled")))

(defvar gptel-diagnose-countdown-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "C-g") #'gptel-diagnose-cancel-retry)
    map)
  "Keys active during a resend countdown.")

(defun gptel-diagnose--countdown (failure seconds)
  "Resend FAILURE's request after SECONDS, counting down in the echo area."
  (gptel-diagnose-cancel-retry)
  (let ((deadline (+ (float-time) seconds))
        (exit-map nil))
    (setq exit-map (set-transient-map gptel-diagnose-countdown-map
                                      (lambda () gptel-diagnose--countdown)))
    (gptel-diagnose--status "resending in %d s (C-g cancels)" (ceiling seconds))
    (setq gptel-diagnose--countdown
          (run-at-time
           1 1
           (lambda ()
             (let ((left (ceiling (- deadline (float-time)))))
               (if (> left 0)
                   (gptel-diagnose--status "resending in %d s (C-g cancels)" left)
                 (cancel-timer gptel-diagnose--countdown)
                 (setq gptel-diagnose--countdown nil)
                 (when (functionp exit-map) (funcall exit-map))
                 (gptel-diagnose--safely (gptel-diagnose--resend failure)))))))))

(defun gptel-diagnose--resend (failure)
  "Send FAILURE's request again."
  (gptel-diagnose--log "resending a %s request" (gptel-diagnose--failure-entry failure))
  (gptel-diagnose--gptel-resend (gptel-diagnose--failure-fsm failure)
                               (gptel-diagnose--failure-entry failure)
                               (gptel-diagnose--failure-buffer failure)
                               (gptel-diagnose--failure-position failure)))

(defun gptel-diagnose-retry (&optional failure)
  "Resend the request that failed (FAILURE, else this buffer's last).
If its diagnosis states a wait that has not passed, count it down
first; \\[keyboard-quit] during the countdown cancels."
  (interactive)
  (let ((failure (or failure (gptel-diagnose--current-failure)
                     (user-error (gptel-diagnose--t
                                  (if (derived-mode-p 'gptel-diagnose-checkup-mode)
                                      "A checkup has no request to resend"
                                    "No failed gptel request"))))))
    (unless (gptel-diagnose--resendable-p failure)
      (user-error (gptel-diagnose--t "This request cannot be resent (its buffer is gone)")))
    (if-let ((left (gptel-diagnose--wait-left failure)))
        (gptel-diagnose--countdown failure left)
      (gptel-diagnose--resend failure))))

;;;; The details buffer

(defun gptel-diagnose--insert-heading (title)
  "Insert the section heading TITLE, translated."
  (insert "\n" (propertize (gptel-diagnose--t title) 'face 'gptel-diagnose-heading) "\n"))

(defconst gptel-diagnose--ask-actions
  '(("model" . "asks which of the backend's models, then sets gptel-model")
    ("key" . "asks for the key, kept for this session only")
    ("backend" . "asks which of gptel's backends, then sets gptel-backend")
    ("proxy" . "asks for the proxy's address, then sets gptel-proxy")
    ("cacert" . "asks for the CA certificate file, then adds it to gptel-curl-extra-args"))
  "What applying an ask fix does, as the details buffer shows it, by kind.")

(defun gptel-diagnose--fix-description (fix)
  "One line describing FIX, secrets redacted, with its tag and code in their faces.
An ask fix shows the action it starts where a `setq' shows its form."
  (let ((form (or (gptel-diagnose--fix-form fix)
                  (let ((action (and (gptel-diagnose--ask-variable fix)
                                     (cdr (assoc (plist-get fix :ask)
                                                 gptel-diagnose--ask-actions)))))
                    (and action (gptel-diagnose--t action)))))
        (command (plist-get fix :command))
        (applicability (plist-get fix :applicability)))
    (concat (gptel-diagnose--redact (format "%s" (plist-get fix :title)))
            (if (gptel-diagnose--zh-p) "" " ")
            (propertize (gptel-diagnose--tf "(%s)" (gptel-diagnose--t
                                                    (format "%s" applicability)))
                        'face 'gptel-diagnose-tag)
            (let ((code (cond ((stringp form) form) (form (gptel-diagnose--print form))
                              (command command))))
              (if code
                  (concat (if (gptel-diagnose--zh-p) "：" ": ")
                          (propertize (gptel-diagnose--redact code)
                                      'face 'gptel-diagnose-code))
                "")))))

(defun gptel-diagnose--insert-link (url)
  "Insert URL as a button that opens it."
  (insert-text-button (gptel-diagnose--redact url) 'action (lambda (_) (browse-url url))
                      'follow-link t 'help-echo (gptel-diagnose--t "Open in a browser")))

(defun gptel-diagnose--insert-fixes (failure fixes)
  "Insert FAILURE's FIXES, each as a button to apply it (RET or a click)."
  (dolist (fix fixes)
    (insert "  ")
    (let ((start (point)))
      ;; Not `insert-text-button': its label would lose the tag's and code's faces.
      (insert (gptel-diagnose--fix-description fix))
      (make-text-button start (point)
                        'action (lambda (_) (gptel-diagnose-apply-fix fix failure))
                        'follow-link t
                        'gptel-diagnose-fix fix 'gptel-diagnose-failure failure
                        'help-echo (gptel-diagnose--t
                                    (if (gptel-diagnose--applicable-p fix)
                                        "Apply this fix"
                                      "Show (never applied)"))))
    (when (plist-get fix :url)
      (insert " ")
      (gptel-diagnose--insert-link (plist-get fix :url)))
    (insert "\n")))

(defconst gptel-diagnose--shown-body-width 600
  "How much of a response body the details buffer shows.")

(defun gptel-diagnose--raw-error (params)
  "What gptel recorded, from PARAMS, as redacted text."
  (let ((err (plist-get params :error)))
    (gptel-diagnose--redact
     (string-join
      (delq nil (list (and (plist-get err :status)
                           (gptel-diagnose--tf
                            ;; gptel reported nothing: the status is the companion's finding.
                            (if (assoc (plist-get err :status) gptel-diagnose--own-findings)
                                "status: %s (found by gptel-diagnose; gptel reported no error)"
                              "status: %s")
                            (plist-get err :status)))
                      (and (plist-get err :http_status)
                           (gptel-diagnose--tf "HTTP status: %s" (plist-get err :http_status)))
                      (and (plist-get err :error)
                           (gptel-diagnose--tf "error: %s"
                                               (if (stringp (plist-get err :error))
                                                   (plist-get err :error)
                                                 (prin1-to-string (plist-get err :error)))))
                      ;; The body the diagnosis read where gptel read no error: the evidence.
                      ;; A page's CRLF line ends would show as "^M" at every line's end.
                      (and (stringp (plist-get err :body))
                           (gptel-diagnose--tf "response body: %s"
                                               (truncate-string-to-width
                                                (string-replace "\r" "" (plist-get err :body))
                                                gptel-diagnose--shown-body-width nil nil
                                                (gptel-diagnose--ellipsis))))
                      (and (eq (plist-get err :body_empty) t)
                           (gptel-diagnose--t
                            "response body: none (the answer was headers only)"))))
      "\n"))))

(defun gptel-diagnose--balance-wanted-p (failure)
  "Non-nil if FAILURE's details should show the account's balance."
  (equal (plist-get (gptel-diagnose--failure-diagnosis failure) :category)
         "billing.quota_exhausted"))

(defun gptel-diagnose--insert-balance (failure)
  "Insert what is known of the balance of FAILURE's account, if it was asked for."
  (let ((balance (gptel-diagnose--failure-balance failure)))
    (when balance
      (gptel-diagnose--insert-heading "Balance")
      (cond
       ((eq balance 'pending) (insert (gptel-diagnose--t "Checking the balance...") "\n"))
       ((plist-get balance :problem)
        (insert (gptel-diagnose--redact (plist-get balance :problem)) "\n"))
       (t
        (let ((line (or (plist-get balance (if (gptel-diagnose--zh-p) :message_zh :message))
                        ""))
              (url (plist-get balance :url)))
          (insert (gptel-diagnose--redact line) "\n")
          ;; The usage or top-up page, as a link, unless the line names it already.
          (when (and (stringp url) (not (string-search url line)))
            (insert "  ")
            (gptel-diagnose--insert-link url)
            (insert "\n"))))))))

(defun gptel-diagnose--insert-details (failure)
  "Insert the details of FAILURE at point."
  (let* ((diagnosis (gptel-diagnose--failure-diagnosis failure))
         (params (gptel-diagnose--failure-params failure)))
    (insert (propertize (gptel-diagnose--line failure) 'face 'gptel-diagnose-title) "\n")
    (when diagnosis
      (insert (gptel-diagnose--redact
               (gptel-diagnose--tf "Rule %s (%s), category %s"
                                   (plist-get diagnosis :rule) (plist-get diagnosis :rule_name)
                                   (plist-get diagnosis :category)))
              "\n")
      (gptel-diagnose--insert-heading "What happened")
      (insert (gptel-diagnose--redact (or (plist-get diagnosis :explanation) "")) "\n")
      ;; Only the provider's words: gptel's own text ("Malformed JSON in response.") is
      ;; under "What gptel reported" below.
      (let ((said (plist-get diagnosis :provider_message)))
        (when (and (stringp said) (not (string-blank-p said))
                   (not (equal (plist-get diagnosis :message_source) "gptel")))
          (gptel-diagnose--insert-heading "The provider said")
          (insert (gptel-diagnose--redact said) "\n")))
      (gptel-diagnose--insert-balance failure)
      (gptel-diagnose--insert-heading "What to do")
      (cl-loop for step across (or (plist-get diagnosis :steps) []) for n from 1
               do (insert (format "%d. %s\n" n (gptel-diagnose--redact step))))
      (let ((fixes (append (plist-get diagnosis :fixes) nil)))
        (when fixes
          (gptel-diagnose--insert-heading "Fixes")
          (gptel-diagnose--insert-fixes failure fixes)))
      (when (gptel-diagnose--resendable-p failure)
        (insert "  ")
        (insert-text-button (gptel-diagnose--t (if (gptel-diagnose--wait-left failure)
                                                   "Resend after the wait"
                                                 "Resend the request"))
                            'action (lambda (_) (gptel-diagnose-retry failure))
                            'follow-link t)
        (insert "\n"))
      (let ((docs (append (plist-get diagnosis :docs) nil)))
        (when docs
          (gptel-diagnose--insert-heading "References")
          (dolist (url docs) (insert "  ") (gptel-diagnose--insert-link url) (insert "\n")))))
    (gptel-diagnose--insert-heading "What gptel reported")
    (insert (gptel-diagnose--raw-error params) "\n")
    (when-let ((curl (gptel-diagnose-curl-command failure)))
      (gptel-diagnose--insert-heading "Replay with curl (M-x gptel-diagnose-copy-curl)")
      (insert (propertize curl 'face 'gptel-diagnose-code) "\n"))))

(defun gptel-diagnose-format-details (failure)
  "Return the details of FAILURE as text, as in the details buffer."
  (with-temp-buffer
    (gptel-diagnose--insert-details failure)
    (buffer-substring-no-properties (point-min) (point-max))))

(defun gptel-diagnose--header-line (map keys)
  "A header line naming KEYS, a list of (COMMAND . LABEL), as bound in MAP."
  (mapconcat (lambda (key)
               (let ((binding (where-is-internal (car key) map t)))
                 (if (not binding) ""
                   (concat (propertize (key-description binding) 'face 'gptel-diagnose-key)
                           " " (gptel-diagnose--t (cdr key))))))
             keys "   "))

(defvar gptel-diagnose-details-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "a") #'gptel-diagnose-apply-fix)
    (define-key map (kbd "u") #'gptel-diagnose-undo-fix)
    (define-key map (kbd "r") #'gptel-diagnose-retry)
    (define-key map (kbd "w") #'gptel-diagnose-copy-curl)
    (define-key map (kbd "g") #'revert-buffer)
    (define-key map (kbd "?") #'describe-mode)
    (define-key map (kbd "TAB") #'forward-button)
    (define-key map (kbd "<backtab>") #'backward-button)
    map)
  "Keymap for `gptel-diagnose-details-mode'.")

(define-derived-mode gptel-diagnose-details-mode special-mode "gptel-diagnose"
  "Major mode of the gptel-diagnose details buffer.
RET or a click on a fix applies it; \\[gptel-diagnose-apply-fix]
applies the fix at point, or the only one.

\\{gptel-diagnose-details-mode-map}"
  (setq truncate-lines nil)
  (visual-line-mode 1)
  (setq-local revert-buffer-function #'gptel-diagnose--revert-details)
  (setq header-line-format
        (gptel-diagnose--header-line
         gptel-diagnose-details-mode-map
         '((gptel-diagnose-apply-fix . "apply a fix") (gptel-diagnose-undo-fix . "undo")
           (gptel-diagnose-retry . "resend") (revert-buffer . "diagnose again")
           (gptel-diagnose-copy-curl . "copy curl") (describe-mode . "help")
           (quit-window . "quit")))))

(defun gptel-diagnose--fill-buffer (name mode insert)
  "Fill the buffer NAME in MODE by calling INSERT; return the buffer.
Point stays where it was when the buffer already showed something."
  (let ((buffer (get-buffer-create name)))
    (with-current-buffer buffer
      (let ((inhibit-read-only t)
            (line (and (eq major-mode mode) (line-number-at-pos)))
            (column (current-column)))
        (erase-buffer)
        ;; Afresh each time: the header line follows the current locale.
        (funcall mode)
        (funcall insert)
        (goto-char (point-min))
        (when line
          (forward-line (1- line))
          (move-to-column column))))
    buffer))

(defun gptel-diagnose--render-details (failure)
  "Fill the details buffer with FAILURE; return the buffer.
After a billing failure, also ask for the account's balance."
  (when (and (gptel-diagnose--balance-wanted-p failure)
             (null (gptel-diagnose--failure-balance failure)))
    (gptel-diagnose--request-balance failure))
  (gptel-diagnose--fill-buffer
   gptel-diagnose--details-buffer #'gptel-diagnose-details-mode
   (lambda ()
     (setq gptel-diagnose--details-failure failure)
     (gptel-diagnose--insert-details failure))))

(defun gptel-diagnose--rerender (failure)
  "Show FAILURE's details again if the details buffer has them."
  (let ((buffer (get-buffer gptel-diagnose--details-buffer)))
    (when (and buffer (eq (buffer-local-value 'gptel-diagnose--details-failure buffer)
                          failure))
      (gptel-diagnose--render-details failure))))

(defun gptel-diagnose--show-buffer (buffer)
  "Display BUFFER with `gptel-diagnose-display-action'; select it if so configured."
  (let ((window (display-buffer buffer gptel-diagnose-display-action)))
    (when (and window gptel-diagnose-select-window)
      (select-window window))
    window))

(defun gptel-diagnose--revert-details (&rest _)
  "Diagnose again the failure in the details buffer, and say so.
The `revert-buffer-function' of the details buffer."
  (let ((failure (or gptel-diagnose--details-failure
                     (user-error (gptel-diagnose--t "Nothing to diagnose again")))))
    (setf (gptel-diagnose--failure-balance failure) nil)
    (gptel-diagnose--request-diagnosis
     failure
     (lambda (failure)
       (gptel-diagnose--render-details failure)
       (let ((diagnosis (gptel-diagnose--failure-diagnosis failure)))
         (if diagnosis
             (gptel-diagnose--say "diagnosed again: %s, %s"
                                  (gptel-diagnose--redact (plist-get diagnosis :rule))
                                  (gptel-diagnose--redact (plist-get diagnosis :summary)))
           (message "%s" (gptel-diagnose--line failure))))))))

(defun gptel-diagnose-refresh ()
  "Diagnose the failure shown in the details buffer again."
  (interactive)
  (revert-buffer))

;;;; The balance after a billing failure

(defun gptel-diagnose--request-balance (failure)
  "Ask the server for the balance of FAILURE's account, without waiting.
The key, resolved in FAILURE's buffer as gptel resolves it, goes
to the local server only, which sends it to the provider's own
host only.  The answer, or why none came, lands in FAILURE's
`balance' and the details buffer shows it."
  (let ((buffer (gptel-diagnose--failure-buffer failure)))
    (cl-flet ((land (balance)
                (setf (gptel-diagnose--failure-balance failure) balance)
                (gptel-diagnose--safely (gptel-diagnose--rerender failure))))
      (setf (gptel-diagnose--failure-balance failure) 'pending)
      (let ((params (gptel-diagnose--safely
                      (gptel-diagnose--check-params
                       (if (buffer-live-p buffer) buffer (current-buffer)))))
            (conn (gptel-diagnose--connection)))
        (cond
         ((not conn)
          (land (list :problem (gptel-diagnose--tf
                                "The balance check failed: %s"
                                (gptel-diagnose--start-reason
                                 gptel-diagnose--start-error)))))
         ((not params)
          (land (list :problem (gptel-diagnose--tf "The balance check failed: %s"
                                                   (gptel-diagnose--t "unknown")))))
         (t
          (jsonrpc-async-request
           conn :balance params
           :timeout gptel-diagnose-balance-timeout
           :success-fn (lambda (result) (land result))
           :error-fn (lambda (err)
                       (land (list :problem (gptel-diagnose--tf "The balance check failed: %s"
                                                                (plist-get err :message)))))
           :timeout-fn (lambda ()
                         (land (list :problem
                                     (gptel-diagnose--tf
                                      "The balance check did not answer in %s s"
                                      gptel-diagnose-balance-timeout)))))))))))

;;;; Replaying with curl

(defun gptel-diagnose-curl-command (&optional failure)
  "The curl command replaying FAILURE's request, or nil if it cannot be rebuilt.
The key is read from the provider's usual environment variable (the
diagnosis's `key_env', else `gptel-diagnose--key-envs'),
e.g. \"$OPENAI_API_KEY\", so the command can be pasted into a shell."
  (let* ((failure (or failure (gptel-diagnose--current-failure)))
         (fsm (and failure (gptel-diagnose--failure-fsm failure))))
    (when fsm
      (gptel-diagnose--safely
        (gptel-diagnose--gptel-curl fsm (gptel-diagnose--curl-key-env failure))))))

(defun gptel-diagnose--curl-key-env (failure)
  "The environment variable for the key in FAILURE's curl replay."
  (let ((kind (plist-get (plist-get (gptel-diagnose--failure-params failure) :backend) :kind)))
    (or (plist-get (gptel-diagnose--failure-diagnosis failure) :key_env)
        (cdr (assoc kind gptel-diagnose--key-envs))
        "API_KEY")))

;;;###autoload
(defun gptel-diagnose-copy-curl ()
  "Copy the curl command that replays the last failed request.
The key stays out of it: the command reads the provider's usual
environment variable.  Run it in a terminal to see the raw answer."
  (interactive)
  (let* ((failure (gptel-diagnose--current-failure))
         (command (and failure (gptel-diagnose-curl-command failure))))
    (unless command
      (user-error (gptel-diagnose--t "No failed request whose curl command can be rebuilt")))
    (kill-new command)
    (gptel-diagnose--say "curl command copied; set %s to the key, then paste it in a shell"
                         (gptel-diagnose--curl-key-env failure))))

;;;; The checkup

(defconst gptel-diagnose--status-labels
  '(("pass" "ok" gptel-diagnose-pass) ("warn" "warn" gptel-diagnose-warn)
    ("fail" "FAIL" gptel-diagnose-fail))
  "How each check status is shown: its label and face.")

(defun gptel-diagnose--checkup-failure (checkup)
  "A stand-in failure for CHECKUP's fixes: its buffer, no request to resend."
  (gptel-diagnose--make-failure :buffer (plist-get checkup :origin)
                                :params (plist-get checkup :params)))

(defun gptel-diagnose--checkup-summary (result)
  "Count in words what passed, warned and failed in the checkup RESULT."
  (let ((count (lambda (status)
                 (cl-count status (plist-get result :checks)
                           :key (lambda (check) (plist-get check :status)) :test #'equal))))
    (gptel-diagnose--tf "%d passed, %s, %d failed" (funcall count "pass")
                        (let ((warnings (funcall count "warn")))
                          (if (= warnings 1) (gptel-diagnose--t "1 warning")
                            (gptel-diagnose--tf "%d warnings" warnings)))
                        (funcall count "fail"))))

(defun gptel-diagnose--insert-checkup (result params &optional origin)
  "Insert the checkup RESULT for PARAMS (the key is never shown).
Fixes apply to ORIGIN, the buffer the checkup was made for."
  (let* ((backend (plist-get params :backend))
         (request (plist-get params :request))
         (settings (plist-get params :settings))
         (labels (mapcar (lambda (row) (gptel-diagnose--t (nth 1 row)))
                         gptel-diagnose--status-labels))
         (label-width (apply #'max (mapcar #'string-width labels)))
         (name-width (apply #'max 10 (mapcar (lambda (check)
                                               (string-width (format "%s" (plist-get check :name))))
                                             (plist-get result :checks))))
         (failure (gptel-diagnose--checkup-failure (list :origin origin :params params))))
    (insert (propertize (gptel-diagnose--t "gptel-diagnose checkup") 'face 'gptel-diagnose-title)
            "\n"
            (gptel-diagnose--redact
             (gptel-diagnose--tf "backend %s (%s, %s://%s), model %s"
                                 (or (plist-get backend :name) "?")
                                 (or (plist-get backend :kind) "?")
                                 (or (plist-get backend :protocol) "https")
                                 (or (plist-get backend :host) "?")
                                 (or (plist-get request :model) "nil")))
            "\n"
            (gptel-diagnose--tf "gptel %s, Emacs %s, %s, streaming %s, proxy %s, key %s"
                                (or (plist-get request :gptel_version) "?")
                                (plist-get request :emacs_version)
                                (if (eq (plist-get settings :use_curl) t)
                                    (or (plist-get request :curl_version) "curl")
                                  "url-retrieve")
                                ;; url-retrieve never streams, whatever gptel-stream says.
                                (gptel-diagnose--t (if (and (eq (plist-get settings :stream) t)
                                                            (eq (plist-get settings :use_curl) t))
                                                       "on" "off"))
                                (gptel-diagnose--t (if (plist-get settings :proxy) "set" "none"))
                                (gptel-diagnose--t (if (plist-get params :key)
                                                       "set (not shown)" "none")))
            "\n\n")
    (cl-loop for check across (plist-get result :checks)
             for row = (assoc (plist-get check :status) gptel-diagnose--status-labels)
             for label = (gptel-diagnose--t (or (nth 1 row) "?"))
             for name = (format "%s" (plist-get check :name))
             do (insert "["
                        (propertize (truncate-string-to-width label label-width nil ?\s)
                                    'face (nth 2 row))
                        "] " (truncate-string-to-width name name-width nil ?\s) " "
                        (gptel-diagnose--redact (plist-get check :message)) "\n")
             (let ((fixes (append (plist-get check :fixes) nil)))
               (when fixes (gptel-diagnose--insert-fixes failure fixes))))
    (let ((alternatives (append (plist-get result :alternatives) nil)))
      (when alternatives
        (gptel-diagnose--insert-heading "Local servers found")
        (dolist (alternative alternatives)
          (insert (gptel-diagnose--tf "%s at %s: %s" (plist-get alternative :name)
                                      (plist-get alternative :host)
                                      (string-join (append (plist-get alternative :models) nil)
                                                   ", "))
                  "\n  ")
          (let ((snippet (plist-get alternative :snippet)))
            (insert-text-button (gptel-diagnose--t "Copy the backend definition")
                                'action (lambda (_) (kill-new snippet)
                                          (message "%s" (gptel-diagnose--t
                                                         "Copied; evaluate it to switch")))
                                'follow-link t)
            (insert "\n" (propertize snippet 'face 'gptel-diagnose-code) "\n")))))
    (insert "\n" (gptel-diagnose--tf "%s in %.1f s" (gptel-diagnose--checkup-summary result)
                                     (/ (or (plist-get result :elapsed_ms) 0) 1000.0))
            "\n")))

(defvar gptel-diagnose-checkup-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "a") #'gptel-diagnose-apply-fix)
    (define-key map (kbd "u") #'gptel-diagnose-undo-fix)
    (define-key map (kbd "g") #'revert-buffer)
    (define-key map (kbd "?") #'describe-mode)
    (define-key map (kbd "TAB") #'forward-button)
    (define-key map (kbd "<backtab>") #'backward-button)
    map)
  "Keymap for `gptel-diagnose-checkup-mode'.")

(define-derived-mode gptel-diagnose-checkup-mode special-mode "gptel-diagnose checkup"
  "Major mode of the gptel-diagnose checkup buffer.
\\[revert-buffer] runs the checkup again; RET or a click on a fix,
or \\[gptel-diagnose-apply-fix], applies it to the buffer checked.

\\{gptel-diagnose-checkup-mode-map}"
  (setq truncate-lines nil)
  (visual-line-mode 1)
  (setq-local revert-buffer-function #'gptel-diagnose--revert-checkup)
  (setq header-line-format
        (gptel-diagnose--header-line
         gptel-diagnose-checkup-mode-map
         '((gptel-diagnose-apply-fix . "apply a fix") (gptel-diagnose-undo-fix . "undo")
           (revert-buffer . "check again") (describe-mode . "help")
           (quit-window . "quit")))))

(defun gptel-diagnose--render-checkup (result params origin)
  "Show the checkup RESULT for PARAMS, made for ORIGIN; return its buffer."
  (gptel-diagnose--fill-buffer
   gptel-diagnose--checkup-buffer #'gptel-diagnose-checkup-mode
   (lambda ()
     (setq gptel-diagnose--checkup (list :result result :params params :origin origin))
     (gptel-diagnose--insert-checkup result params origin))))

(defun gptel-diagnose--revert-checkup (&rest _)
  "Run again the checkup in the checkup buffer, for the same buffer.
The `revert-buffer-function' of the checkup buffer."
  (let ((origin (plist-get gptel-diagnose--checkup :origin)))
    (with-current-buffer (if (buffer-live-p origin) origin (current-buffer))
      (gptel-diagnose-checkup
       (lambda (result params)
         (gptel-diagnose--render-checkup result params origin)
         (gptel-diagnose--say "checked again: %s"
                              (gptel-diagnose--checkup-summary result)))))))

(defun gptel-diagnose-format-checkup (result params)
  "Return the checkup RESULT for PARAMS as text, as in the checkup buffer."
  (with-temp-buffer
    (gptel-diagnose--insert-checkup result params)
    (buffer-substring-no-properties (point-min) (point-max))))

;;;###autoload
(defun gptel-diagnose-checkup (&optional callback)
  "Check this buffer's gptel setup live: network, TLS, key, model, proxy.
Each check is reported on its own line, with its fixes.  The key
travels to the server for this checkup only, and is never shown.
With CALLBACK, call it with the result and the params instead of
showing the buffer."
  (interactive)
  (let* ((origin (current-buffer))
         (params (gptel-diagnose--check-params origin))
         (conn (gptel-diagnose--connection)))
    (if (not conn)
        (gptel-diagnose--say "server not available (%s); install it with %s"
                             (gptel-diagnose--start-reason gptel-diagnose--start-error)
                             (gptel-diagnose--install-hint))
      (gptel-diagnose--say "checking %s..."
                           (or (plist-get (plist-get params :backend) :host)
                               (gptel-diagnose--t "the backend")))
      (jsonrpc-async-request
       conn :check params
       :timeout gptel-diagnose-check-timeout
       :success-fn (lambda (result)
                     (gptel-diagnose--safely
                       (if callback (funcall callback result params)
                         (gptel-diagnose--show-buffer
                          (gptel-diagnose--render-checkup result params origin))
                         (gptel-diagnose--say "%s" (gptel-diagnose--checkup-summary result)))))
       :error-fn (lambda (err)
                   (gptel-diagnose--say "the checkup failed: %s" (plist-get err :message)))
       :timeout-fn (lambda ()
                     (gptel-diagnose--say "the checkup did not finish in %s s"
                                          gptel-diagnose-check-timeout))))))

;;;; Commands

;;;###autoload
(defun gptel-diagnose (&optional checkup)
  "Explain the last failed gptel request, or check the setup.
Take the last failure of a request made from this buffer, else
the last one anywhere, and show its details, selecting their
window (`gptel-diagnose-select-window').  A diagnosis in another
language than `gptel-diagnose-locale' now asks for is asked for
again.  With no recent failure, or with a prefix argument CHECKUP,
run a live checkup of this buffer's gptel setup instead
\(`gptel-diagnose-checkup')."
  (interactive "P")
  (let ((failure (gptel-diagnose--current-failure)))
    (cond
     ((or checkup (null failure)
          (> (- (float-time) (or (gptel-diagnose--failure-time failure) 0))
             gptel-diagnose-recent))
      (if (or (featurep 'gptel-request) (featurep 'gptel))
          (gptel-diagnose-checkup)
        (gptel-diagnose--say "no failed gptel request to explain")))
     ((let ((diagnosis (gptel-diagnose--failure-diagnosis failure)))
        (and diagnosis (member (plist-get diagnosis :locale)
                               (list nil (gptel-diagnose--locale)))))
      (gptel-diagnose--show-buffer (gptel-diagnose--render-details failure)))
     (t (gptel-diagnose--request-diagnosis
         failure (lambda (failure)
                   (gptel-diagnose--show-line failure)
                   (gptel-diagnose--show-buffer (gptel-diagnose--render-details failure))))))))

;;;###autoload
(define-minor-mode gptel-diagnose-mode
  "Explain every failed gptel request in the echo area.
gptel need not be loaded yet: the watch starts when it is."
  :global t
  :group 'gptel-diagnose
  (cond
   ((not gptel-diagnose-mode) (gptel-diagnose--gptel-watch nil))
   ;; A gptel without the state machine never calls the advised function:
   ;; say so once instead of watching in vain.
   ((and (featurep 'gptel) (not (gptel-diagnose--gptel-supported-p)))
    (display-warning 'gptel-diagnose
                     (gptel-diagnose--t
                      "gptel is too old: gptel-diagnose needs gptel 0.9.8 or newer")))
   (t (gptel-diagnose--gptel-watch #'gptel-diagnose--report))))

(provide 'gptel-diagnose)
;;; gptel-diagnose.el ends here
