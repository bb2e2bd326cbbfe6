;;; gptel-diagnose-tests.el --- ERT tests for gptel-diagnose  -*- lexical-binding: t -*-

;;; Commentary:

;; scripts/emacs-batch -L tests/elisp -l gptel-diagnose-tests -f ert-run-tests-batch-and-exit
;;
;; Three layers: pure rendering on literal plists; the gptel hook and
;; the request flow with jsonrpc stubbed; and the real server process
;; (command from $GPTEL_DIAGNOSE_SERVER).

;;; Code:

(require 'ert)
(require 'cl-lib)
(require 'gptel-request)
(require 'gptel-openai)
(require 'gptel-anthropic)
(require 'gptel-ollama)
(require 'gptel-diagnose)

(defconst gptel-diagnose-tests--verify-diagnosis
  '(:category "request.streaming_unsupported" :rule "STREAM001"
    :rule_name "organization-not-verified-for-streaming" :severity "error"
    :summary "OpenAI streams this model only for verified organizations."
    :explanation "Streaming needs a verified organization." :steps ["Turn streaming off."]
    :fixes [(:title "Turn off streaming" :applicability "safe"
             :variable "gptel-stream" :value "nil")
            (:title "Verify" :applicability "display-only"
             :url "https://platform.openai.com/settings/organization/general")]
    :docs ["https://help.openai.com/"] :retryable :json-false)
  "A diagnosis as jsonrpc.el hands it over.")

(defun gptel-diagnose-tests--fsm (state info)
  "A gptel state machine in STATE with INFO, as a `gptel-request' would make."
  (let ((fsm (gptel-make-fsm :info info)))
    (setf (gptel-fsm-state fsm) state)
    fsm))

;;;; Rendering

(ert-deftest gptel-diagnose-line-shows-summary-and-first-setq ()
  (should (equal (gptel-diagnose-format-line gptel-diagnose-tests--verify-diagnosis)
                 (concat "gptel-diagnose: OpenAI streams this model only for verified "
                         "organizations.  Fix: (setq gptel-stream nil)"))))

(ert-deftest gptel-diagnose-line-without-setq-is-just-the-summary ()
  (should (equal (gptel-diagnose-format-line
                  '(:summary "Anthropic is overloaded." :fixes
                    [(:title "Status" :applicability "display-only" :url "https://x")]))
                 "gptel-diagnose: Anthropic is overloaded.")))

(ert-deftest gptel-diagnose-line-is-one-line ()
  (should-not (string-match-p "\n" (gptel-diagnose-format-line
                                    '(:summary "two\nlines" :fixes [])))))

(ert-deftest gptel-diagnose-fix-outside-the-allowlist-is-refused ()
  (should-not (gptel-diagnose--fix-form
               '(:variable "shell-file-name" :value "\"/bin/evil\"")))
  (should-not (gptel-diagnose--fix-form '(:variable "gptel-no-such-option" :value "t"))))

(ert-deftest gptel-diagnose-fix-value-must-be-a-literal ()
  (should-not (gptel-diagnose--fix-form
               '(:variable "gptel-model" :value "(shell-command \"rm -rf ~\")")))
  (should-not (gptel-diagnose--fix-form '(:variable "gptel-stream" :value "nil (eval 1)")))
  (should-not (gptel-diagnose--fix-form '(:variable "gptel-stream" :value "some-variable")))
  (should-not (gptel-diagnose--fix-form '(:variable "gptel-stream" :value "(")))
  (should (equal (gptel-diagnose--fix-form
                  '(:variable "gptel-curl-extra-args" :value "'(\"--cacert\" \"/ca.pem\")"))
                 '(setq gptel-curl-extra-args '("--cacert" "/ca.pem"))))
  (should (equal (gptel-diagnose--fix-form '(:variable "gptel-log-level" :value "'info"))
                 '(setq gptel-log-level 'info))))

(ert-deftest gptel-diagnose-line-skips-an-invalid-first-fix ()
  (should (string-suffix-p
           "Fix: (setq gptel-stream nil)"
           (gptel-diagnose-format-line
            '(:summary "S" :fixes [(:title "bad" :applicability "safe"
                                    :variable "exec-path" :value "nil")
                                   (:title "good" :applicability "safe"
                                    :variable "gptel-stream" :value "nil")])))))

(ert-deftest gptel-diagnose-redacts-keys-and-headers ()
  (let ((text (gptel-diagnose--redact
               (concat "key sk-proj-abcdefghijklmnopqrstuv and AIzaSyA1234567890abcdefghijklmn"
                       " header Authorization: Bearer abcdef123456 ghp_abcdefghijklmnop1234"))))
    (should-not (string-match-p "abcdefghijklmnopqrstuv\\|AIzaSy\\|abcdef123456\\|ghp_" text))
    (should (string-match-p "<redacted>" text))))

(defun gptel-diagnose-tests--meaning (status)
  "The server's own words for STATUS alone, from the generated tables, unended."
  (string-remove-suffix "." (car (alist-get status gptel-diagnose--status-meanings))))

;; The same cases as the server's redact.py (tests/python/test_secrets.py).
(defconst gptel-diagnose-tests--redaction-cases
  (let ((file (expand-file-name "../data/redaction-cases.json"
                                (file-name-directory (or load-file-name buffer-file-name)))))
    (with-temp-buffer
      (insert-file-contents file)
      (plist-get (json-parse-buffer :object-type 'plist :array-type 'list) :cases)))
  "Every key shape and context the server redacts, each with its secret.")

(ert-deftest gptel-diagnose-redacts-every-case-the-server-redacts ()
  (should (> (length gptel-diagnose-tests--redaction-cases) 40))
  (dolist (case gptel-diagnose-tests--redaction-cases)
    (let ((redacted (gptel-diagnose--redact (plist-get case :text))))
      (ert-info ((format "case %s: %S" (plist-get case :name) redacted))
        (should-not (string-search (plist-get case :secret) redacted))
        (dolist (kept (plist-get case :keep))
          (should (string-search kept redacted)))))))

(ert-deftest gptel-diagnose-redacting-twice-changes-nothing-more ()
  ;; A body redacted before it was sent is redacted again when shown: "key=<redacted>"
  ;; read as a key named "<redacted" showed "key=<redacted>>".
  (dolist (text (cons "https://ollama.com/connect?name=h&key=publickey"
                      (mapcar (lambda (case) (plist-get case :text))
                              gptel-diagnose-tests--redaction-cases)))
    (let ((once (gptel-diagnose--redact text)))
      (ert-info ((format "%S" once))
        (should (equal (gptel-diagnose--redact once) once))
        (should-not (string-search "<redacted>>" once))))))

(ert-deftest gptel-diagnose-start-failure-reads-in-chinese ()
  "Why the server did not start is in the user's language, as the rest of the line."
  (let ((gptel-diagnose-locale "zh"))
    (dolist (case '(("the server is not installed" . "服务器没有安装")
                    ("Python 3.8 is too old: the server needs 3.10 or newer"
                     . "Python 3.8 版本太旧：服务器需要 3.10 或更新的版本")
                    ("the Python module yaml is missing" . "缺少 Python 模块 yaml")
                    ("the server's dependencies are not installed: no pydantic"
                     . "服务器的依赖没有安装：缺少 pydantic")
                    ("no such program: gptel-diagnose-server" . "找不到程序：gptel-diagnose-server")))
      (let ((line (gptel-diagnose-format-fallback
                   '(:error (:http_status "429"))
                   (list :kind 'not-started :message (car case)))))
        (ert-info (line)
          (should (string-search (cdr case) line))
          (should-not (string-search (car case) line))))))
  ;; An unknown reason is kept as it is; English stays English.
  (let ((gptel-diagnose-locale "zh"))
    (should (equal (gptel-diagnose--start-reason "something new") "something new")))
  (let ((gptel-diagnose-locale "en"))
    (should (equal (gptel-diagnose--start-reason "the server is not installed")
                   "the server is not installed"))
    (should (equal (gptel-diagnose--start-reason nil) "cannot start"))))

(ert-deftest gptel-diagnose-fallback-line-says-what-and-how-to-install ()
  (let ((line (gptel-diagnose-format-fallback
               '(:error (:http_status "429"))
               '(:kind not-started :message "No such program: gptel-diagnose-server"))))
    (should (string-prefix-p (concat "gptel-diagnose: " (gptel-diagnose-tests--meaning 429) ";")
                             line))
    (should (string-match-p "HTTP 429" line))
    (should (string-match-p "install it with M-x gptel-diagnose-install-server" line)))
  (should (string-match-p
           "curl 7: nothing is listening"
           (gptel-diagnose-format-fallback '(:error (:error "Curl failed with exit code 7."))
                                           '(:kind timeout)))))

(ert-deftest gptel-diagnose-fallback-line-quotes-the-providers-reason ()
  "Without the server, a 400 that came with the provider's reason says that reason.
It does not claim the provider gave none (it did, and gptel has it)."
  (dolist (error-value (list "Unsupported parameter: 'temperature' is not supported with this model."
                             (list :message "Unsupported parameter: 'temperature' is not supported with this model."
                                   :type "invalid_request_error")))
    (let ((line (gptel-diagnose-format-fallback
                 (list :error (list :http_status "400" :error error-value))
                 '(:kind timeout))))
      (ert-info (line)
        (should (string-search "Unsupported parameter: 'temperature'" line))
        (should (string-search "HTTP 400" line))
        (should-not (string-search "without giving a reason" line)))))
  ;; Without one, the line says so, in either language.
  (should (string-search "without giving a reason"
                         (gptel-diagnose-format-fallback '(:error (:http_status "400"))
                                                         '(:kind timeout))))
  (let ((gptel-diagnose-locale "zh"))
    (should (string-search "：不接受 temperature"
                           (gptel-diagnose-format-fallback
                            '(:error (:http_status "400" :error (:error (:message "不接受 temperature"))))
                            '(:kind timeout))))))

(ert-deftest gptel-diagnose-fallback-line-does-not-guess-past-the-providers-reason ()
  "Without the server, a status whose meaning alone names a cause is not stated over the
provider's own reason: a gateway's 503 that says it cannot stream the model is no overload."
  (let* ((reason "没有可用的 Provider 支持模型 claude-opus-4-6 的流式请求")
         (params (list :error (list :http_status "503"
                                    :error (list :type "provider_error" :message reason)))))
    (let ((line (gptel-diagnose-format-fallback params '(:kind timeout))))
      (ert-info (line)
        (should (string-search (concat "HTTP 503, in the provider's words: " reason) line))
        (should-not (string-search (gptel-diagnose-tests--meaning 503) line))))
    (let* ((gptel-diagnose-locale "zh")
           (line (gptel-diagnose-format-fallback params '(:kind timeout))))
      (ert-info (line)
        (should (string-search (concat "HTTP 503，服务商的原话：" reason) line)))))
  ;; With no reason, the status's usual meaning is all there is; gptel's own words for an
  ;; answer it could not read are no reason of the provider's.
  (should (string-search (gptel-diagnose-tests--meaning 503)
                         (gptel-diagnose-format-fallback '(:error (:http_status "503"))
                                                         '(:kind timeout))))
  (dolist (own '("Malformed JSON in response." "Could not parse HTTP response."))
    (let ((line (gptel-diagnose-format-fallback
                 (list :error (list :http_status "502" :error own)) '(:kind timeout))))
      (ert-info (line)
        (should (string-search (gptel-diagnose-tests--meaning 502) line))
        (should-not (string-search "provider's words" line))))))

(ert-deftest gptel-diagnose-fallback-line-follows-the-locale ()
  (let ((gptel-diagnose-locale "zh"))
    (should (string-match-p
             (regexp-quote (string-remove-suffix
                            "。" (cdr (alist-get 401 gptel-diagnose--status-meanings))))
             (gptel-diagnose-format-fallback '(:error (:http_status "401"))
                                             '(:kind timeout))))))

(ert-deftest gptel-diagnose-tables-allow-what-the-server-allows ()
  ;; The allowlist and the meanings are generated from the server's sources: the
  ;; companion's copy is the file scripts/test checks is fresh.  Spot-check the shape.
  (should (memq 'gptel-stream gptel-diagnose--settable-variables))
  (should-not (memq 'exec-path gptel-diagnose--settable-variables))
  (should (cl-every (lambda (row) (and (integerp (car row)) (stringp (cadr row))
                                       (stringp (cddr row))))
                    (append gptel-diagnose--status-meanings gptel-diagnose--curl-meanings))))

(ert-deftest gptel-diagnose-json-makes-gptel-plists-serialisable ()
  (let* ((raw (list :message "bad \377 byte" :param :null :flag :json-false
                    :details (list (list :reason "API_KEY_INVALID")) :codes [1 2]
                    :sym 'foo :num 1.5))
         (json (json-serialize (gptel-diagnose--json raw)
                               :null-object nil :false-object :json-false))
         (back (json-parse-string json :object-type 'plist :null-object nil
                                  :false-object :json-false)))
    (should (equal (plist-get back :param) nil))
    (should (eq (plist-get back :flag) :json-false))
    (should (equal (plist-get back :sym) "foo"))
    (should (equal (plist-get (aref (plist-get back :details) 0) :reason) "API_KEY_INVALID"))
    (should (string-prefix-p "bad " (plist-get back :message)))))

(ert-deftest gptel-diagnose-json-bounds-size-and-depth ()
  (let ((deep "x"))
    (dotimes (_ 100) (setq deep (list :a deep)))
    (should (json-serialize (gptel-diagnose--json deep) :null-object nil)))
  (should (= (length (gptel-diagnose--json (make-string 100000 ?a)))
             gptel-diagnose--max-string)))

;;;; Reading gptel

(ert-deftest gptel-diagnose-terminal-failure-detection ()
  (should (gptel-diagnose--failed-p
           (gptel-diagnose-tests--fsm 'ERRS '(:error "x" :http-status "401"))))
  (should-not (gptel-diagnose--failed-p
               (gptel-diagnose-tests--fsm 'DONE '(:http-status "200"))))
  (should-not (gptel-diagnose--failed-p (gptel-diagnose-tests--fsm 'ABRT '(:error "x"))))
  ;; url-retrieve without any HTTP response: no :error, garbage :http-status.
  (should (gptel-diagnose--failed-p
           (gptel-diagnose-tests--fsm 'DONE '(:http-status "() Could not parse HTTP response."))))
  (should (gptel-diagnose--terminal-p (gptel-diagnose-tests--fsm 'ERRS nil)))
  (should (gptel-diagnose--terminal-p (gptel-diagnose-tests--fsm nil nil)))
  (should-not (gptel-diagnose--terminal-p (gptel-diagnose-tests--fsm 'WAIT nil))))

(ert-deftest gptel-diagnose--params-carry-the-failure-but-never-the-key ()
  (let* ((backend (gptel-make-openai "Test" :host "api.openai.com"
                                     :key "sk-proj-secretsecretsecretsecret \n"
                                     :models '(gpt-4o)))
         (fsm (gptel-diagnose-tests--fsm
               'ERRS (list :backend backend :model 'gpt-4o :stream t
                           :status "HTTP/1.1 429 Too Many Requests" :http-status "429"
                           :error (list :message "You exceeded your current quota"
                                        :type "insufficient_quota" :param :null))))
         (params (gptel-diagnose--params fsm))
         (text (json-serialize params :null-object nil :false-object :json-false)))
    (should-not (string-match-p "secret" text))
    (should (equal (plist-get (plist-get params :error) :http_status) "429"))
    (should (equal (plist-get (plist-get (plist-get params :error) :error) :type)
                   "insufficient_quota"))
    (let ((b (plist-get params :backend)))
      (should (equal (plist-get b :kind) "openai"))
      (should (equal (plist-get b :host) "api.openai.com"))
      (should (eq (plist-get b :has_key) t))
      (should (eq (plist-get b :key_has_whitespace) t)))
    (should (equal (plist-get (plist-get params :request) :model) "gpt-4o"))
    (should (equal (plist-get (plist-get params :request) :entry) "request"))))

(ert-deftest gptel-diagnose-local-fallback-reads-curl-exit-codes ()
  (should (= 7 (gptel-diagnose--curl-exit
                '(:error (:error "Curl failed with exit code 7. See Curl manpage for details.")))))
  (should-not (gptel-diagnose--curl-exit '(:error (:error (:message "x"))))))

(ert-deftest gptel-diagnose--params-leave-the-curl-exit-code-to-the-server ()
  (let ((params (gptel-diagnose--params
                 (gptel-diagnose-tests--fsm
                  'ERRS '(:error "Curl failed with exit code 7." :status "Curl failure")))))
    (should (equal (plist-get (plist-get params :error) :error)
                   "Curl failed with exit code 7."))
    (should-not (plist-member (plist-get params :error) :curl_exit_code))))

(ert-deftest gptel-diagnose-kind-recognises-azure-and-types ()
  (should (equal (gptel-diagnose--kind (gptel-make-azure "Az" :host "x.openai.azure.com"
                                                         :endpoint "/e" :models '(m)))
                 "azure"))
  (should (equal (gptel-diagnose--kind (gptel-make-ollama "O" :models '(m))) "ollama"))
  (should (equal (gptel-diagnose--kind (gptel-make-anthropic "A" :key "k")) "anthropic")))

;;;; The hook, with the server stubbed

(defmacro gptel-diagnose-tests--with-stub-server (reply &rest body)
  "Run BODY with jsonrpc stubbed to answer every diagnose with REPLY.
REPLY is (success RESULT), (error ERR), (timeout) or (none)."
  (declare (indent 1))
  `(let ((gptel-diagnose--connection nil)
         (gptel-diagnose--gptel-handler #'gptel-diagnose--report)
         (gptel-diagnose--last-failure nil)
         (sent nil)
         (shown nil))
     (ignore sent shown)
     (cl-letf (((symbol-function 'gptel-diagnose--connection) (lambda () 'stub))
               ((symbol-function 'jsonrpc-async-request)
                (lambda (_conn method params &rest args)
                  (push (cons method params) sent)
                  (pcase ,reply
                    (`(success ,r) (funcall (plist-get args :success-fn) r))
                    (`(error ,e) (funcall (plist-get args :error-fn) e))
                    (`(timeout) (funcall (plist-get args :timeout-fn)))
                    (_ nil))))
               ((symbol-function 'run-at-time)
                (lambda (_time _repeat fn &rest args) (apply fn args)))
               ((symbol-function 'message)
                (lambda (fmt &rest args)
                  (push (apply #'format fmt args) shown))))
       ,@body)))

(defun gptel-diagnose-tests--transition (fsm new-state &optional info-changes)
  "Move FSM to NEW-STATE through the advised transition, applying INFO-CHANGES."
  (gptel-diagnose--around-transition
   (lambda (m &rest _)
     (setf (gptel-fsm-state m) new-state)
     (cl-loop for (k v) on info-changes by #'cddr
              do (setf (gptel-fsm-info m) (plist-put (gptel-fsm-info m) k v))))
   fsm))

(ert-deftest gptel-diagnose-failed-request-is-diagnosed-once-and-shown ()
  (gptel-diagnose-tests--with-stub-server
      `(success ,gptel-diagnose-tests--verify-diagnosis)
    (let ((fsm (gptel-diagnose-tests--fsm 'TYPE '(:http-status "400"))))
      (gptel-diagnose-tests--transition fsm 'ERRS '(:error "Your organization must..."))
      (gptel-diagnose-tests--transition fsm nil)
      (should (= 1 (length sent)))
      (should (eq (car (car sent)) :diagnose))
      (should (equal (car shown) (gptel-diagnose-format-line
                                  gptel-diagnose-tests--verify-diagnosis)))
      (should (eq (gptel-diagnose--failure-diagnosis gptel-diagnose--last-failure)
                  gptel-diagnose-tests--verify-diagnosis)))))

(ert-deftest gptel-diagnose-success-and-abort-are-not-reported ()
  (gptel-diagnose-tests--with-stub-server '(success (:summary "x"))
    (gptel-diagnose-tests--transition (gptel-diagnose-tests--fsm 'TYPE nil) 'DONE
                                      '(:http-status "200"))
    (gptel-diagnose-tests--transition (gptel-diagnose-tests--fsm 'WAIT nil) 'ABRT)
    (should-not sent)))

(ert-deftest gptel-diagnose-new-round-reports-again ()
  (gptel-diagnose-tests--with-stub-server '(success (:summary "x" :fixes []))
    (let ((fsm (gptel-diagnose-tests--fsm 'TYPE nil)))
      (gptel-diagnose-tests--transition fsm 'ERRS '(:error "first"))
      (gptel-diagnose-tests--transition fsm 'WAIT '(:error nil))
      (gptel-diagnose-tests--transition fsm 'ERRS '(:error "second"))
      (should (= 2 (length sent))))))

(ert-deftest gptel-diagnose-signal-from-gptel-is-reported-and-passed-on ()
  (gptel-diagnose-tests--with-stub-server '(success (:summary "No key" :fixes []))
    (let ((fsm (gptel-diagnose-tests--fsm 'INIT nil))
          (debug-on-error nil))             ; ERT turns it on; users rarely do
      (should-error
       (gptel-diagnose--around-transition
        (lambda (&rest _) (user-error "No `gptel-api-key' found in the auth source"))
        fsm)
       :type 'user-error)
      (should (= 1 (length sent)))
      (should (string-match-p "gptel-api-key"
                              (plist-get (plist-get (cdar sent) :error) :error))))))

(ert-deftest gptel-diagnose-own-errors-never-reach-gptel ()
  (gptel-diagnose-tests--with-stub-server '(success (:summary "x"))
    (cl-letf (((symbol-function 'gptel-diagnose--params)
               (lambda (&rest _) (error "Companion bug"))))
      (let ((fsm (gptel-diagnose-tests--fsm 'TYPE nil))
            (debug-on-error nil))
        (should (eq 'result (gptel-diagnose--around-transition
                             (lambda (m &rest _)
                               (setf (gptel-fsm-state m) 'ERRS
                                     (gptel-fsm-info m) '(:error "boom"))
                               'result)
                             fsm)))))))

(ert-deftest gptel-diagnose-server-error-and-timeout-fall-back-to-a-local-line ()
  (dolist (reply '((error (:code -1 :message "Server died")) (timeout)))
    (gptel-diagnose-tests--with-stub-server reply
      (let ((fsm (gptel-diagnose-tests--fsm 'TYPE nil)))
        (gptel-diagnose-tests--transition fsm 'ERRS '(:error "x" :http-status "503"))
        ;; gptel's error text is the provider's reason: the line quotes it with the status.
        (should (string-prefix-p "gptel-diagnose: HTTP 503, in the provider's words: x;"
                                 (car shown)))))))

(ert-deftest gptel-diagnose-missing-server-says-how-to-install ()
  (let ((gptel-diagnose-server-command '("/nonexistent/gptel-diagnose-server"))
        (gptel-diagnose--connection nil)
        (result nil))
    (gptel-diagnose--request-diagnosis
     (gptel-diagnose--make-failure
      :params '(:error (:error "Curl failed with exit code 6. See Curl manpage for details.")))
     (lambda (failure) (setq result (gptel-diagnose--line failure))))
    (should (string-match-p "curl 6: the host name did not resolve; server not available"
                            result))
    (should (string-match-p "No such program: /nonexistent/gptel-diagnose-server" result))
    (should-not gptel-diagnose--connection)))

(ert-deftest gptel-diagnose-mode-adds-and-removes-the-advice ()
  (unwind-protect
      (progn
        (gptel-diagnose-mode 1)
        (should (advice-member-p #'gptel-diagnose--around-transition
                                 'gptel--fsm-transition))
        (gptel-diagnose-mode -1)
        (should-not (advice-member-p #'gptel-diagnose--around-transition
                                     'gptel--fsm-transition)))
    (gptel-diagnose-mode -1)))

(ert-deftest gptel-diagnose-command-shows-details-of-this-buffers-failure ()
  (let* ((failure (gptel-diagnose--make-failure
                   :params '(:error (:status "HTTP/1.1 400 Bad Request" :http_status "400"
                                     :error "Bearer sk-proj-abcdefghijklmnopqrstu"))
                   :time (float-time)
                   :diagnosis gptel-diagnose-tests--verify-diagnosis))
         (gptel-diagnose--last-failure nil))
    (with-temp-buffer
      (setq gptel-diagnose--buffer-failure failure)
      (gptel-diagnose)
      (with-current-buffer gptel-diagnose--details-buffer
        (should (derived-mode-p 'gptel-diagnose-details-mode))
        (should (string-match-p "Streaming needs a verified organization" (buffer-string)))
        (should (string-match-p "(setq gptel-stream nil)" (buffer-string)))
        (should (string-match-p "HTTP status: 400" (buffer-string)))
        (should-not (string-match-p "abcdefghijklmnopqrstu" (buffer-string)))))))

(ert-deftest gptel-diagnose-command-without-recent-failure-runs-a-checkup ()
  (let ((checkups 0)
        (old (gptel-diagnose--make-failure :params nil :diagnosis '(:summary "old")
                                           :time (- (float-time) 7200))))
    (cl-letf (((symbol-function 'gptel-diagnose-checkup) (lambda () (cl-incf checkups))))
      (let ((gptel-diagnose--last-failure nil))
        (with-temp-buffer (gptel-diagnose)))
      (let ((gptel-diagnose--last-failure old))
        (with-temp-buffer (gptel-diagnose)))
      (should (= checkups 2))
      (let ((gptel-diagnose--last-failure
             (gptel-diagnose--make-failure :params nil :time (float-time)
                                           :diagnosis '(:summary "now" :fixes []))))
        (with-temp-buffer (gptel-diagnose '(4))))
      (should (= checkups 3)))))

(ert-deftest gptel-diagnose-checkup-buffer-shows-each-check-and-never-the-key ()
  (let* ((params (list :backend '(:name "OpenAI" :kind "openai" :host "api.openai.com"
                                  :protocol "https")
                       :request '(:model "gpt-4o-mnii" :gptel_version "0.9.9.6"
                                  :emacs_version "28.2" :curl_version "curl 7.88.1")
                       :settings '(:use_curl t :stream t)
                       :key "sk-proj-secretsecretsecretsecretsecret"))
         (result '(:checks [(:name "dns" :status "pass" :message "resolves" :fixes [])
                            (:name "model" :status "fail" :message "gpt-4o-mnii is unknown"
                             :fixes [(:title "Use gpt-4o-mini" :applicability "unsafe"
                                      :variable "gptel-model" :value "'gpt-4o-mini")])]
                   :alternatives [(:kind "ollama" :name "Ollama" :host "localhost:11434"
                                   :models ["llama3.2:latest"]
                                   :snippet "(setq gptel-backend (gptel-make-ollama ...))")]
                   :summary "1 passed, 0 warnings, 1 failed" :elapsed_ms 812.0))
         (text (gptel-diagnose-format-checkup result params)))
    (should (string-match-p "^\\[ok  \\] dns +resolves$" text))
    (should (string-match-p "^\\[FAIL\\] model +gpt-4o-mnii is unknown$" text))
    (should (string-match-p "Use gpt-4o-mini (unsafe): (setq gptel-model 'gpt-4o-mini)" text))
    (should (string-match-p "key set (not shown)" text))
    (should (string-match-p "Ollama at localhost:11434: llama3.2:latest" text))
    (should (string-match-p "1 passed, 0 warnings, 1 failed in 0.8 s" text))
    (should (string-match-p "curl 7.88.1, streaming on," text))
    (should-not (string-match-p "secret" text))
    ;; url-retrieve never streams: gptel-stream on says nothing of what happens.
    (let ((url-params (plist-put (copy-sequence params) :settings '(:use_curl nil :stream t))))
      (should (string-match-p "url-retrieve, streaming off,"
                              (gptel-diagnose-format-checkup result url-params))))))

;;;; The real server

(ert-deftest gptel-diagnose-real-server-round-trip ()
  (skip-unless (getenv "GPTEL_DIAGNOSE_SERVER"))
  (let ((gptel-diagnose-server-command
         (split-string-and-unquote (getenv "GPTEL_DIAGNOSE_SERVER")))
        (gptel-diagnose--connection nil)
        ;; A cold start under load can take seconds: this test is not about timeouts.
        (gptel-diagnose-request-timeout 60)
        (result nil))
    (unwind-protect
        (let ((failure (gptel-diagnose--make-failure
                        :params (list :error (list :status "Curl failure"
                                                   :error "Curl failed with exit code 7."
                                                   :curl_exit_code 7)
                                      :backend (list :kind "ollama"
                                                     :host "localhost:11434")))))
          (gptel-diagnose--request-diagnosis failure (lambda (f) (setq result f)))
          (with-timeout (60 (ert-fail "no answer from the server"))
            (while (not result) (accept-process-output nil 0.05)))
          (should (equal (plist-get (gptel-diagnose--failure-diagnosis result) :rule)
                         "NET003"))
          (should (string-match-p "ollama serve" (gptel-diagnose--line result))))
      (when gptel-diagnose--connection
        (jsonrpc-shutdown gptel-diagnose--connection)))))

(provide 'gptel-diagnose-tests)
;;; gptel-diagnose-tests.el ends here
