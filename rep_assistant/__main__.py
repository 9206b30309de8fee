from rep_assistant.cli import main

raise SystemExit(main())
