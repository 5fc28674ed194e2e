HufangCommand.main()
